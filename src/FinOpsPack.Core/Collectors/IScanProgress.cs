namespace FinOpsPack.Core.Collectors;

/// <summary>Per-collector progress for the terminal (Spectre on a TTY, plain lines otherwise).</summary>
public interface IScanProgress
{
    void Started(string collector, string? region);

    void Finished(CollectorOutcome outcome);

    public static IScanProgress None { get; } = new NoProgress();

    private sealed class NoProgress : IScanProgress
    {
        public void Started(string collector, string? region)
        {
        }

        public void Finished(CollectorOutcome outcome)
        {
        }
    }
}
