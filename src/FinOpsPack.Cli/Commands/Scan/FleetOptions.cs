namespace FinOpsPack.Cli.Commands.Scan;

/// <summary>The organization, fleet and nightly flags of <c>scan</c>, as parsed.</summary>
public sealed record FleetOptions(
    bool Org,
    string MemberRoleName,
    string? AccountsFile,
    string? Shard,
    int AccountConcurrency,
    int PerAccountConcurrency,
    string? Baseline,
    decimal? FailOnNewSavings)
{
    public static FleetOptions None { get; } = new(false, "finops-pack-readonly", null, null, 4, 16, null, null);

    public bool IsFleet => Org || AccountsFile is not null;
}
