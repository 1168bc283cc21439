namespace FinOpsPack.Core.Rules;

public enum CheckCategory
{
    Waste,
    Rightsizing,
    Modernization,
    Commitment,
    Governance,
}

public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>Where a savings figure comes from. Every figure in the report names one.</summary>
public enum SavingsSource
{
    /// <summary>Cost Optimization Hub's estimate for the resource.</summary>
    CostOptimizationHub,

    /// <summary>The AWS Price List API (pricing:GetProducts).</summary>
    PriceListApi,

    /// <summary>The dated list-price table shipped with the tool.</summary>
    PriceTable,

    /// <summary>The resource's actual cost from Cost Explorer's resource-level data.</summary>
    CostExplorerResourceCost,

    /// <summary>No defensible figure: shown as "unknown", never as $0.</summary>
    Unknown,

    /// <summary>A risk, not a saving (governance findings).</summary>
    NotApplicable,
}

/// <param name="MonthlyAmount">Null when unknown; never 0 standing in for unknown.</param>
/// <param name="Basis">How the figure was computed, e.g. "100 GiB × 0.10 USD/GB-month (ebs.gp2.storage, us-east-1, AWS feed 2024-07-18)".</param>
public sealed record SavingsEstimate(
    decimal? MonthlyAmount,
    string Currency,
    SavingsSource Source,
    string Basis,
    string? ImplementationEffort = null,
    bool? RestartNeeded = null,
    bool? RollbackPossible = null)
{
    public decimal? AnnualAmount => MonthlyAmount * 12;
}

/// <summary>
/// One finding on one resource. <see cref="Id"/> is stable across runs (a hash of check id, account, region and resource)
/// so a nightly run can tell new, resolved and changed findings apart.
/// </summary>
/// <param name="CountedInTotal">False when another finding on the same resource already carries its saving (de-duplication).</param>
/// <param name="SupersededBy">The id of the finding whose saving counts instead, when not counted.</param>
public sealed record Finding(
    string Id,
    string CheckId,
    string Title,
    CheckCategory Category,
    Severity Severity,
    string Service,
    string ResourceType,
    string ResourceId,
    string? ResourceArn,
    string? ResourceName,
    string AccountId,
    string Region,
    string Action,
    string Summary,
    SavingsEstimate Savings,
    IReadOnlyDictionary<string, string> Evidence,
    bool CountedInTotal = true,
    string? SupersededBy = null);
