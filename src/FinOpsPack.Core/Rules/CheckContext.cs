using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Pricing;

namespace FinOpsPack.Core.Rules;

/// <summary>
/// Everything a check may look at. Checks are pure: no I/O and no clock; <see cref="Now"/> is the scan's time.
/// A resource a check cannot judge is reported through <see cref="EvidenceIncomplete"/>.
/// </summary>
public sealed class CheckContext
{
    private readonly List<EvidenceGap> _gaps = [];

    // Built once per inventory and shared by every scoped copy: 24 checks must not each re-index 100,000 metrics.
    private InventoryIndexes? _indexes;

    public required AccountInventory Inventory { get; init; }

    public required DateTimeOffset Now { get; init; }

    public IReadOnlyList<CollectorOutcome> Outcomes { get; init; } = [];

    public CheckSettings Settings { get; init; } = CheckSettings.Empty;

    /// <summary>The price source (the shipped <see cref="PriceBook"/>; a Price List API source fits the same seam).</summary>
    public IPriceSource Prices { get; init; } = PriceBook.Shipped;

    /// <summary>Scanned regions; when not given, the regions the collector outcomes name.</summary>
    public IReadOnlyList<string>? ScannedRegions { get; init; }

    public IReadOnlyList<string> Regions => ScannedRegions
        ?? [.. Outcomes.Select(o => o.Region).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public IReadOnlyList<EvidenceGap> Gaps => _gaps;

    public string AccountId => Inventory.AccountId;

    /// <summary>The currency of the spend baseline (Cost Explorer), else the price table's.</summary>
    public string Currency => Inventory.Cost?.Currency ?? "USD";

    public void EvidenceIncomplete(string region, string resourceId, string reason) =>
        _gaps.Add(new EvidenceGap(region, resourceId, reason));

    /// <summary>A copy sharing everything but the gap list, so the engine can attribute gaps to one check.</summary>
    public CheckContext Scoped() => new()
    {
        Inventory = Inventory,
        Now = Now,
        Outcomes = Outcomes,
        Settings = Settings,
        Prices = Prices,
        ScannedRegions = Regions,
        _indexes = Indexes,
    };

    private InventoryIndexes Indexes => _indexes ??= new InventoryIndexes(Inventory);

    /// <summary>Whether <paramref name="collector"/> ran and succeeded (in <paramref name="region"/> for a regional collector).</summary>
    public bool Succeeded(string collector, string? region = null)
    {
        var runs = Outcomes.Where(o => o.Collector == collector && (region is null || o.Region is null || o.Region == region)).ToList();
        return runs.Count > 0 && runs.All(o => o.Status == CollectorStatus.Ok);
    }

    public CostFormula Formula(string region) => new(Prices, region);

    /// <summary>The volumes of <paramref name="instance"/>: attached to it, or named in its block device mappings.</summary>
    public IReadOnlyList<EbsVolume> VolumesOf(Ec2Instance instance) => Indexes.VolumesOf(instance);

    /// <summary>The metric for one resource, preferring the given statistic when several were collected.</summary>
    public MetricEvidence? Metric(string region, string resourceId, string metricNamespace, string metricName, string? statistic = null)
    {
        var found = Indexes.Metrics[(region, resourceId, metricNamespace, metricName)];
        return found.FirstOrDefault(m => m.Statistic == statistic) ?? found.FirstOrDefault();
    }

    /// <summary>The resource's Cost Explorer resource-level cost lines, matched on any of its ids or ARN.</summary>
    public IReadOnlyList<ResourceCost> ResourceCostsFor(params string?[] ids) =>
        Indexes.HasResourceCosts ? Indexes.ResourceCostsFor(ids.OfType<string>()) : [];
}

/// <summary>A resource a check could not judge, and why (e.g. "CPU evidence incomplete: 300 of 336 datapoints").</summary>
public sealed record EvidenceGap(string Region, string ResourceId, string Reason);
