namespace FinOpsPack.Core.Aws;

/// <summary>
/// Where each service is reached, the way the AWS SDKs decide it: an explicit <c>--endpoint-url</c> first, then
/// <c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, then <c>AWS_ENDPOINT_URL</c>, else the service's public endpoint.
/// </summary>
public sealed class EndpointResolver(Uri? endpointUrl, Func<string, string?> environment)
{
    public static EndpointResolver FromEnvironment(Uri? endpointUrl) => new(endpointUrl, Environment.GetEnvironmentVariable);

    /// <summary>True when any override is in force (the sample account, LocalStack or moto).</summary>
    public bool IsOverridden(AwsService service) => Override(service) is not null;

    public Uri Resolve(AwsService service, string region) => Override(service) ?? Default(service, region);

    private Uri? Override(AwsService service) =>
        endpointUrl
        ?? Parse(environment(service.EndpointEnvironmentVariable))
        ?? Parse(environment("AWS_ENDPOINT_URL"));

    private static Uri Default(AwsService service, string region)
    {
        if (service.GlobalHost is not null)
        {
            return new Uri($"https://{service.GlobalHost}");
        }

        var endpointRegion = service.GlobalRegion ?? region;
        return new Uri($"https://{service.EndpointPrefix}.{endpointRegion}.amazonaws.com");
    }

    private static Uri? Parse(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : new Uri(value.Trim(), UriKind.Absolute);
}
