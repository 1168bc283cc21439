namespace FinOpsPack.Core.Aws.Transport;

/// <summary>
/// What the paginator tells the pipeline about the call on this async flow: that it is a page of a listing, and whether
/// it continues one (carries a token). Continuations, and every page of an account-wide listing (one chain for the whole
/// account, such as Cost Optimization Hub's recommendations), are the chains the scan's end waits for: they go first.
/// </summary>
public static class CallPriority
{
    private static readonly AsyncLocal<bool?> Page = new();

    /// <summary>Marks the calls made on this flow (until the next mark) as one page of a listing.</summary>
    public static void MarkPage(bool continuation) => Page.Value = continuation;

    /// <summary>Whether a call of <paramref name="service"/> on this flow goes ahead of ordinary calls.</summary>
    public static bool IsUrgent(AwsService service) => Page.Value is { } continuation && (continuation || service.IsGlobal);
}
