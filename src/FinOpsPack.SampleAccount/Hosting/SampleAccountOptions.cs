using FinOpsPack.SampleAccount.Dataset;

namespace FinOpsPack.SampleAccount.Hosting;

public sealed record SampleAccountOptions
{
    /// <summary>The External ID the account's trust policy requires.</summary>
    public required string ExternalId { get; init; }

    /// <summary>0 picks a free port.</summary>
    public int Port { get; init; }

    public FaultPlan Faults { get; init; } = FaultPlan.None;

    /// <summary>A dataset to serve instead of the standard one (tests that change data, the benchmark's scale account).</summary>
    public SampleDataset? Dataset { get; init; }

    /// <summary>Other accounts of the organization (<see cref="SampleDataset.CreateMembers"/>), reachable by AssumeRole into their role.</summary>
    public IReadOnlyList<SampleDataset> Members { get; init; } = [];

    /// <summary>
    /// Answers to replay instead of generating them again (null: every answer is generated). Share one between servers
    /// of the same datasets; throttling, latency and faults still apply per request before it is consulted.
    /// </summary>
    public SampleResponseCache? ResponseCache { get; init; }
}
