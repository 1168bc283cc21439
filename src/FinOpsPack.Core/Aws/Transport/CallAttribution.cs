namespace FinOpsPack.Core.Aws.Transport;

/// <summary>Which collector the calls on this async flow belong to, and how many it made.</summary>
public sealed class CallAttribution(string collector)
{
    private static readonly AsyncLocal<CallAttribution?> CurrentFlow = new();
    private int _requests;

    public static CallAttribution? Current => CurrentFlow.Value;

    public string Collector { get; } = collector;

    public int Requests => Volatile.Read(ref _requests);

    public static void Begin(CallAttribution attribution) => CurrentFlow.Value = attribution;

    internal void Count() => Interlocked.Increment(ref _requests);
}
