using System.Globalization;
using System.Text.RegularExpressions;
using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Aws.Services.Lambda;

/// <summary>
/// AWS Lambda (rest-json, regional): ListFunctions only, <c>GET /2015-03-31/functions?MaxItems=50&amp;Marker=…</c>.
/// The response carries environment variables in plain text; <see cref="FunctionConfiguration"/> has no member for them
/// and the raw body is dropped after parsing.
/// </summary>
public sealed partial class LambdaClient(IAwsTransport transport, string region)
{
    /// <summary>Lambda returns at most 50 functions per page whatever MaxItems says.</summary>
    public const int PageSize = 50;

    public IAsyncEnumerable<FunctionConfiguration> ListFunctionsAsync(CancellationToken ct) =>
        Paginator.PaginateAsync(
            (marker, c) => AwsJsonCall.SendAsync<ListFunctionsResponse>(transport, ListFunctionsRequest(region, marker), c),
            page => page.NextMarker,
            page => page.Functions ?? [],
            ct);

    public static AwsRequest ListFunctionsRequest(string region, string? marker)
    {
        var path = "/2015-03-31/functions?MaxItems=" + PageSize.ToString(CultureInfo.InvariantCulture);
        if (marker is not null)
        {
            path += "&Marker=" + Uri.EscapeDataString(marker);
        }

        return new AwsRequest(AwsService.Lambda, region, "ListFunctions", HttpMethod.Get, path, [], null);
    }

    /// <summary>
    /// Lambda writes <c>2020-04-10T19:06:32.563+0000</c> (offset without colon); other implementations write more
    /// fraction digits than .NET reads (moto: nine). Null when absent or unreadable.
    /// </summary>
    public static DateTimeOffset? ParseLastModified(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var match = LastModifiedPattern().Match(text);
        if (!match.Success)
        {
            return null;
        }

        var fraction = match.Groups["fraction"].Value;
        var offset = match.Groups["offset"].Value;
        var normalized = match.Groups["time"].Value
            + (fraction.Length > 8 ? fraction[..8] : fraction)
            + (offset.Length == 5 ? offset[..3] + ":" + offset[3..] : offset);
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value) ? value : null;
    }

    [GeneratedRegex(@"^(?<time>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?<fraction>\.\d+)?(?<offset>Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex LastModifiedPattern();
}
