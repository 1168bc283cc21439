namespace FinOpsPack.Core.Aws.Transport;

/// <summary>Which collector, for which account, the calls on this async flow belong to, and how many it made.</summary>
public sealed class CallAttribution(string collector, string? accountId = null)
{
    private static readonly AsyncLocal<CallAttribution?> CurrentFlow = new();
    private int _requests;

    public static CallAttribution? Current => CurrentFlow.Value;

    public string Collector { get; } = collector;

    /// <summary>The account whose role the calls run under (an organization-wide scan's audit holds many).</summary>
    public string? AccountId { get; } = accountId;

    public int Requests => Volatile.Read(ref _requests);

    public static void Begin(CallAttribution attribution) => CurrentFlow.Value = attribution;

    internal void Count() => Interlocked.Increment(ref _requests);
}
