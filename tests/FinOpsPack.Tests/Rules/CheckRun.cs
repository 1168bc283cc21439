using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Rules;

namespace FinOpsPack.Tests.Rules;

/// <summary>Runs one check the two ways tests need: directly (pure function) and through the engine (evidence gating).</summary>
internal static class CheckRun
{
    public static (List<Finding> Findings, IReadOnlyList<EvidenceGap> Gaps) Evaluate(ICheck check, AccountInventory inventory, CheckSettings? settings = null)
    {
        var context = InventoryFactory.Context(inventory, settings: settings);
        var findings = check.Evaluate(context).ToList();
        return (findings, context.Gaps);
    }

    public static Finding Single(ICheck check, AccountInventory inventory, CheckSettings? settings = null)
    {
        var (findings, _) = Evaluate(check, inventory, settings);
        return Assert.Single(findings);
    }

    public static FindingResult Engine(ICheck check, AccountInventory inventory, IReadOnlyList<CollectorOutcome> outcomes) =>
        new FindingEngine([check]).Run(InventoryFactory.Context(inventory, outcomes));

    /// <summary>
    /// The missing-evidence case: with every collector fine the check reports the inventory, and when
    /// <paramref name="collector"/> fails it says nothing about the region and marks it not evaluated, naming the collector.
    /// </summary>
    public static void AssertNotEvaluatedWithout(ICheck check, AccountInventory positive, string collector)
    {
        var complete = Engine(check, positive, InventoryFactory.AllOk());
        Assert.NotEmpty(complete.Findings);
        Assert.Contains(complete.Coverage, c => c.Status == CheckCoverageStatus.Evaluated);

        var missing = Engine(check, positive, InventoryFactory.AllOkExcept(collector));
        Assert.Empty(missing.Findings);
        var coverage = Assert.Single(missing.Coverage, c => c.Status == CheckCoverageStatus.NotEvaluated);
        Assert.Contains(collector, coverage.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(missing.Coverage, c => c.Status == CheckCoverageStatus.Evaluated);
    }
}
