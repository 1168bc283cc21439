using FinOpsPack.Core.Collectors;

namespace FinOpsPack.Cli;

/// <summary>One line per finished collector, for CI logs and redirected output.</summary>
public sealed class PlainProgress(TextWriter err) : IScanProgress
{
    private readonly object _gate = new();

    public void Started(string collector, string? region)
    {
    }

    public void Finished(CollectorOutcome outcome)
    {
        lock (_gate)
        {
            err.WriteLine($"  {outcome.Collector,-24} {outcome.Region ?? "global",-15} {outcome.Describe()} ({outcome.Requests} calls, {outcome.DurationMs:0} ms)");
        }
    }
}
