using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Rules;

namespace FinOpsPack.Core.Scanning;

/// <summary>The document written as <c>scan.json</c> (schema: <c>schemas/scan.schema.json</c>).</summary>
public sealed record ScanResult
{
    public const string CurrentSchemaVersion = "1.0";

    public string SchemaVersion { get; init; } = CurrentSchemaVersion;
    public required ScanMetadata Scan { get; init; }
    public required AccountInventory Inventory { get; init; }
    public required IReadOnlyList<CollectorOutcome> Collectors { get; init; }
    public required ApiUsage Api { get; init; }
    public IReadOnlyList<Finding> Findings { get; init; } = [];
    public SavingsTotals? Savings { get; init; }

    /// <summary>What each check could judge per region: evaluated, not evaluated (and why), or a resource with incomplete evidence.</summary>
    public IReadOnlyList<CheckCoverage> CheckCoverage { get; init; } = [];

    /// <summary>Organization-wide and fleet scans: each account's outcome (a gap when its role could not be assumed); null for one account.</summary>
    public IReadOnlyList<Fleet.AccountScan>? Accounts { get; init; }

    /// <summary>With <c>--baseline</c>: findings new, resolved and changed since the previous scan; null without one.</summary>
    public Fleet.ScanDiff? SinceLastRun { get; init; }
}

/// <summary>Who scanned what, when. The External ID appears only as a fingerprint.</summary>
public sealed record ScanMetadata(
    string ToolVersion,
    string ReviewId,
    string? CallerArn,
    string RoleArn,
    string? AssumedRoleArn,
    string SessionName,
    string ExternalIdFingerprint,
    string AccountId,
    IReadOnlyList<string> Regions,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    double DurationMs,
    int ExitCode);

/// <param name="CostExplorerRequests">Billed Cost Explorer requests (each page is one, $0.01 each).</param>
public sealed record ApiUsage(
    int Calls,
    int Attempts,
    int Throttled,
    int Retries,
    int Failed,
    IReadOnlyDictionary<string, int> CallsByService,
    int CostExplorerRequests,
    decimal CostExplorerCostUsd,
    double SumOfCallDurationsMs);

/// <summary>De-duplicated savings totals: each resource counted once.</summary>
/// <param name="ShareOfMonthlySpend">Monthly savings over the last full month's spend; null if spend is unknown.</param>
public sealed record SavingsTotals(
    string Currency,
    decimal MonthlySavings,
    decimal AnnualSavings,
    decimal? MonthlySpendBaseline,
    decimal? ShareOfMonthlySpend,
    int FindingsWithSavings,
    int FindingsWithUnknownSavings,
    IReadOnlyDictionary<string, decimal> MonthlyByCategory,
    IReadOnlyDictionary<string, decimal> MonthlyByService,
    decimal? CohDedupedTotal,
    decimal? CohCoveredTotal);
