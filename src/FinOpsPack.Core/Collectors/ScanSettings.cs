namespace FinOpsPack.Core.Collectors;

/// <summary>Collection settings that shape what is read (not check thresholds: those live in the check settings).</summary>
public sealed record ScanSettings
{
    /// <summary>CloudWatch evidence window, 14–30 days.</summary>
    public int MetricWindowDays { get; init; } = 14;

    /// <summary>Ask Cost Explorer for resource-level data (GetCostAndUsageWithResources); billed per page like every CE call.</summary>
    public bool ResourceLevelCost { get; init; } = true;

    /// <summary>
    /// Billed pages GetCostAndUsageWithResources may take (one row per instance and day). An account whose rows need more
    /// is not half read: a partial 14-day sum would understate costs, so resource-level cost is then left unknown.
    /// </summary>
    public int ResourceLevelCostMaxRequests { get; init; } = 1;

    /// <summary>Months of spend history before the current month.</summary>
    public int SpendHistoryMonths { get; init; } = 12;
}
