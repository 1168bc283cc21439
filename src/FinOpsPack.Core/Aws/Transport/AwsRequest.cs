namespace FinOpsPack.Core.Aws.Transport;

/// <summary>One API call as the protocol layer built it, before endpoint resolution and signing.</summary>
public sealed record AwsRequest(
    AwsService Service,
    string Region,
    string Operation,
    HttpMethod Method,
    string PathAndQuery,
    byte[] Body,
    string? ContentType,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    /// <summary>The region the request is signed for and routed to (global services use their home region).</summary>
    public string EffectiveRegion => Service.GlobalRegion ?? Region;

    public string Action => Service.ActionFor(Operation);
}
