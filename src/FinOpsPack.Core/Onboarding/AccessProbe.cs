using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Onboarding;

/// <summary>What a probe is built from: the region probed, today's date, and what earlier probes found (by action).</summary>
public sealed record AccessProbeContext(string Region, DateTimeOffset Now, IReadOnlyDictionary<string, string> Found)
{
    public string Today => Now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string DaysAgo(int days) =>
        Now.UtcDateTime.AddDays(-days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public string DaysAhead(int days) => DaysAgo(-days);
}

/// <summary>
/// The cheapest call that exercises one IAM action of the read policy: smallest page, narrowest input, no data kept.
/// </summary>
/// <param name="Action">The IAM action this call needs (and the only one).</param>
/// <param name="Call">The call as a person would write it, e.g. <c>DescribeVolumes MaxResults=5</c>.</param>
/// <param name="Build">Builds the request; it may read <see cref="AccessProbeContext.Found"/> for the probe named in <paramref name="Needs"/>.</param>
/// <param name="Cost">Null when free; otherwise what AWS charges for the call. Billed probes run only when asked.</param>
/// <param name="Needs">An action whose probe must find something first (a bucket, a cluster) for this call to be made.</param>
/// <param name="Find">What this probe hands to the probes that need it (first bucket, cluster…), or null when there is nothing.</param>
/// <param name="AuthorizedErrors">Error codes that AWS returns only after authorizing the call, so they prove permission
/// (no lifecycle configuration on the bucket, account not in an organization).</param>
/// <param name="DeniedNote">Why a refusal may not be IAM's doing, where AWS refuses the call for another reason.</param>
public sealed record AccessProbe(
    string Action,
    string Call,
    Func<AccessProbeContext, AwsRequest> Build,
    string? Cost = null,
    string? Needs = null,
    Func<AwsResponse, AwsRequest, string?>? Find = null,
    IReadOnlyList<string>? AuthorizedErrors = null,
    string? DeniedNote = null)
{
    public bool Billed => Cost is not null;
}
