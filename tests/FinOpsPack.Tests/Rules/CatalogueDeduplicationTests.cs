using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Rules;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules;

/// <summary>
/// One account on which every check of the catalogue fires, several of them on the same resources, with Cost
/// Optimization Hub covering some: no resource may be counted twice, and the COH-covered part must equal COH's own total.
/// </summary>
public sealed class CatalogueDeduplicationTests
{
    private const string LambdaArn = $"arn:aws:lambda:{Region}:{Account}:function:fn-1";

    /// <summary>m5 and db.m5 declared previous generation, so those checks fire on the same instance as the others.</summary>
    private static readonly CheckSettings Settings = CheckSettings.Parse("""
        {
          "ec2_instance_previous_generation.families": ["m5"],
          "rds_instance_previous_generation.families": ["db.m5"]
        }
        """);

    private static AccountInventory Everything()
    {
        var month = (Start: new DateOnly(2026, 10, 1), End: new DateOnly(2026, 11, 1));
        return Inventory() with
        {
            // vol-x: unattached + gp2→gp3, COH Delete 150.  vol-y: io1 on a long-stopped instance (io1 upgrade vs snapshot-and-delete)
            EbsVolumes = [Volume("vol-x", "gp2", 2000, state: "available"), Volume("vol-y", "io1", 500, iops: 10000, attachedTo: ["i-stopped"])],
            EbsSnapshots = [Snapshot("snap-1", "vol-gone")],
            ElasticIps = [ElasticIp("eipalloc-1")],
            NatGateways = [Nat("nat-idle"), Nat("nat-busy")],
            // i-x: previous generation (by settings) + Graviton candidate + low CPU, COH Rightsize 50 and MigrateToGraviton 30
            Ec2Instances = [Instance("i-x", "m5.large", architecture: "x86_64"), Instance("i-stopped", "m7g.large", "stopped", 60, volumeIds: ["vol-y"])],
            // db-x: previous generation (by settings) + Graviton candidate + idle + Multi-AZ on dev
            RdsInstances = [Database("db-x", "db.m5.large", "postgres", multiAz: true, tags: Tags(("env", "dev")))],
            RdsSnapshots = [DbSnapshot("manual-1")],
            LambdaFunctions = [Function("fn-1")],
            S3Buckets = [Bucket("no-rules", []), Bucket("no-abort", [Rule(abortDays: null)])],
            IamPrincipals = [Principal()],
            Metrics =
            [
                Metric("nat-idle", MetricNames.NatNamespace, MetricNames.NatBytesOutToDestination, "Sum", sum: 0),
                Metric("nat-busy", MetricNames.NatNamespace, MetricNames.NatBytesOutToDestination, "Sum", sum: 14 * 100 * 1024d * 1024 * 1024),
                Metric("i-x", MetricNames.Ec2Namespace, MetricNames.CpuUtilization, "Average", average: 2, maximum: 4),
                Metric("i-x", MetricNames.Ec2Namespace, MetricNames.CpuUtilization, "Maximum", average: 8, maximum: 15),
                Metric("db-x", MetricNames.RdsNamespace, MetricNames.DatabaseConnections, "Maximum", maximum: 0),
                Metric("fn-1", MetricNames.LambdaNamespace, MetricNames.LambdaDuration, "Sum", sum: 1_000_000_000),
            ],
            Cost = Cost(
                monthly: [new(month.Start, month.End, "Amazon EC2", 3000m, null, false), new(month.Start, month.End, "Amazon RDS", 1000m, null, false)],
                savingsPlans: new CoverageFigure(month.Start, month.End, 30m, 2500m),
                reservations: new CoverageFigure(month.Start, month.End, 10m, 900m),
                anomalies: [new("anom-1", new DateOnly(2026, 11, 10), new DateOnly(2026, 11, 12), "AWS Lambda", Region, Account, "Request", 90m, 240m, 75m)]),
            CohRecommendations =
            [
                Coh("rec-vol", "vol-x", "Delete", 150m, resourceArn: $"arn:aws:ec2:{Region}:{Account}:volume/vol-x"),
                Coh("rec-i-rs", "i-x", "Rightsize", 50m, "Ec2Instance", $"arn:aws:ec2:{Region}:{Account}:instance/i-x"),
                Coh("rec-i-grav", "i-x", "MigrateToGraviton", 30m, "Ec2Instance", $"arn:aws:ec2:{Region}:{Account}:instance/i-x"),
                Coh("rec-fn", "fn-1-coh", "MigrateToGraviton", 5m, "LambdaFunction", LambdaArn + ":$LATEST"),
                Coh("rec-sp", "sp-purchase-1", "PurchaseSavingsPlans", 400m, "ComputeSavingsPlans"),
                Coh("rec-ri", "ri-purchase-1", "PurchaseReservedInstances", 120m, "RdsReservedInstances"),
            ],
            // COH's own de-duplicated total: the highest recommendation per resource, 150 + 50 + 5 + 400 + 120
            CohSummary = new CohSummary(725m, "USD", 6),
        };
    }

    private static FindingResult Run() => new FindingEngine().Run(Context(Everything(), settings: Settings));

    [Fact]
    public void Should_Fire_Every_Check_Of_The_Catalogue_When_The_Account_Has_Everything()
    {
        var fired = Run().Findings.Select(f => f.CheckId).ToHashSet();

        Assert.All(CheckCatalog.All, c => Assert.Contains(c.Metadata.Id, fired));
    }

    [Fact]
    public void Should_Count_Each_Resource_Once_When_Several_Checks_Report_It()
    {
        var findings = Run().Findings;

        // Every resource reported has exactly one finding counted; the others point at it
        foreach (var resource in findings.GroupBy(Key))
        {
            var counted = Assert.Single(resource, f => f.CountedInTotal);
            Assert.All(resource.Where(f => !f.CountedInTotal), f => Assert.Equal(counted.Id, f.SupersededBy));
        }

        Assert.True(findings.GroupBy(Key).Count(g => g.Count() > 1) >= 5, "the scenario must share resources between checks");
    }

    [Fact]
    public void Should_Equal_Cohs_Deduplicated_Total_When_Coh_Covers_Resources()
    {
        var totals = Run().Totals;

        Assert.Equal(725m, totals.CohDedupedTotal);
        Assert.Equal(totals.CohDedupedTotal, totals.CohCoveredTotal);
    }

    [Fact]
    public void Should_Add_Up_To_The_Expected_Total_When_Each_Resource_Counts_Once()
    {
        // vol-x COH 150 | vol-y snapshot-and-delete 712.50 − 25.00 = 687.50 (beats io1→gp3 637.50) | snap-1 2.50 | EIP 3.65
        // | nat-idle 32.85 | i-x COH 50 | db-x idle storage 23.00 (beats Multi-AZ 11.50) | fn-1 COH 5 | SP 400 | RI 120
        var result = Run();
        var totals = result.Totals;

        Assert.Equal(1474.50m, totals.MonthlySavings);
        Assert.Equal(17694.00m, totals.AnnualSavings);
        Assert.Equal(4000m, totals.MonthlySpendBaseline);
        Assert.Equal(0.3686m, totals.ShareOfMonthlySpend);
        Assert.Equal(totals.MonthlySavings, result.Findings.Where(f => f.CountedInTotal).Sum(f => f.Savings.MonthlyAmount ?? 0));
        Assert.Equal(totals.MonthlySavings, totals.MonthlyByCategory.Values.Sum());
    }

    [Fact]
    public void Should_Link_Coverage_Findings_To_Cohs_Purchase_Lines_When_Both_Exist()
    {
        var findings = Run().Findings;

        var coverage = Assert.Single(findings, f => f.CheckId == "ce_savings_plans_coverage_low");
        var purchase = Assert.Single(findings, f => f.Evidence.GetValueOrDefault("coh_recommendation_id") == "rec-sp");
        Assert.False(coverage.CountedInTotal);
        Assert.Equal(purchase.Id, coverage.SupersededBy);
        Assert.True(purchase.CountedInTotal);
    }

    /// <summary>The resource a finding is about, independently of the engine: its ARN without version, else region and id.</summary>
    private static string Key(Finding f) => f.CheckId.StartsWith("ce_", StringComparison.Ordinal) && f.Evidence.TryGetValue("coh_recommendation_ids", out var linked)
        ? "coh:" + linked.Split(',')[0]
        : f.Evidence.TryGetValue("coh_recommendation_id", out var rec) && rec is "rec-sp" or "rec-ri"
            ? "coh:" + rec
            : f.ResourceArn is { } arn ? Arns.Normalize(arn) : $"{f.AccountId}/{f.Region}/{f.ResourceId}";
}
