using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.Ebs;
using FinOpsPack.Core.Rules.Iam;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules;

public sealed class FindingEngineTests
{
    [Fact]
    public void Should_Withhold_Findings_And_Mark_The_Region_When_A_Required_Collector_Failed_There()
    {
        // Given unattached volumes in two regions, and the volume listing denied in eu-west-1
        var inventory = Inventory() with
        {
            EbsVolumes = [Volume("vol-us", "gp2", state: "available"), Volume("vol-eu", "gp2", state: "available", region: OtherRegion)],
        };
        var outcomes = AllOk(Region, OtherRegion)
            .Select(o => o.Collector == EvidenceNames.EbsVolumes && o.Region == OtherRegion ? o with { Status = CollectorStatus.NotPermitted, MissingAction = "ec2:DescribeVolumes" } : o)
            .ToList();

        // When the engine runs the check
        var result = new FindingEngine([new EbsVolumeUnattached()]).Run(Context(inventory, outcomes));

        // Then only us-east-1 is judged; eu-west-1 says why it is not, and that a finding was withheld
        Assert.Equal("vol-us", Assert.Single(result.Findings).ResourceId);
        var us = Assert.Single(result.Coverage, c => c.Region == Region);
        Assert.Equal(CheckCoverageStatus.Evaluated, us.Status);
        Assert.Equal(1, us.Findings);
        var eu = Assert.Single(result.Coverage, c => c.Region == OtherRegion);
        Assert.Equal(CheckCoverageStatus.NotEvaluated, eu.Status);
        Assert.Equal("ebs.volumes: not permitted: ec2:DescribeVolumes (1 finding(s) on partial evidence withheld)", eu.Reason);
    }

    [Fact]
    public void Should_Say_The_Collector_Did_Not_Run_When_It_Has_No_Outcome()
    {
        var outcomes = AllOk().Where(o => o.Collector != EvidenceNames.MachineImages).ToList();

        var result = new FindingEngine([new EbsSnapshotOrphaned()]).Run(Context(Inventory() with { EbsSnapshots = [Snapshot()] }, outcomes));

        Assert.Empty(result.Findings);
        Assert.Equal("ec2.images: did not run in us-east-1", Assert.Single(result.Coverage).Reason);
    }

    [Fact]
    public void Should_Mark_Every_Region_When_An_Account_Wide_Collector_Failed()
    {
        var outcomes = AllOkExcept(EvidenceNames.IamAuthorization, CollectorStatus.Failed);

        var result = new FindingEngine([new IamPrincipalBedrockWithoutBoundary()]).Run(Context(Inventory() with { IamPrincipals = [Principal()] }, outcomes));

        Assert.Empty(result.Findings);
        var coverage = Assert.Single(result.Coverage);
        Assert.Equal(CheckCoverage.AllRegions, coverage.Region);
        Assert.Equal(CheckCoverageStatus.NotEvaluated, coverage.Status);
    }

    [Fact]
    public void Should_Report_A_Failed_Check_And_Run_The_Others_When_A_Check_Throws()
    {
        var inventory = Inventory() with { EbsVolumes = [Volume("vol-1", "gp2", state: "available")] };

        var result = new FindingEngine([new ThrowingCheck(), new EbsVolumeUnattached()]).Run(Context(inventory));

        Assert.Single(result.Findings);
        var failed = Assert.Single(result.Coverage, c => c.Status == CheckCoverageStatus.Failed);
        Assert.Contains("InvalidOperationException: boom", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Give_The_Same_Ids_When_The_Same_Account_Is_Scanned_Again()
    {
        var inventory = Inventory() with { EbsVolumes = [Volume("vol-1", "gp2", state: "available"), Volume("vol-2", "gp2")] };

        var first = new FindingEngine().Run(Context(inventory)).Findings.Select(f => f.Id).Order().ToList();
        var second = new FindingEngine().Run(Context(inventory)).Findings.Select(f => f.Id).Order().ToList();

        Assert.Equal(first, second);
        Assert.All(first, id => Assert.Matches("^f-[0-9a-f]{16}$", id));
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.NotEqual(FindingIds.For("c", Account, Region, "r"), FindingIds.For("c", Account, OtherRegion, "r"));
        Assert.Equal(FindingIds.For("c", Account, Region, "r"), FindingIds.For("c", Account, Region, "r"));
    }

    [Fact]
    public void Should_Count_The_Highest_Saving_Once_When_Native_Checks_Share_A_Resource()
    {
        // An unattached 2000 GiB gp2 volume: delete (200.00) or change to gp3 (20.00) are alternatives
        var inventory = Inventory() with { EbsVolumes = [Volume("vol-1", "gp2", 2000, state: "available")] };

        var result = new FindingEngine().Run(Context(inventory));

        var delete = Assert.Single(result.Findings, f => f.CheckId == "ebs_volume_unattached");
        var gp3 = Assert.Single(result.Findings, f => f.CheckId == "ebs_volume_gp2_to_gp3");
        Assert.True(delete.CountedInTotal);
        Assert.False(gp3.CountedInTotal);
        Assert.Equal(delete.Id, gp3.SupersededBy);
        Assert.Equal(200.00m, result.Totals.MonthlySavings);
        Assert.Equal(2400.00m, result.Totals.AnnualSavings);
    }

    [Fact]
    public void Should_Carry_Cohs_Figure_And_Link_To_It_When_Coh_Covers_The_Resource()
    {
        // COH recommends deleting the same volume for 18.40 USD; our own figure (200.00) must not add to the total
        var inventory = Inventory() with
        {
            EbsVolumes = [Volume("vol-1", "gp2", 2000, state: "available")],
            CohRecommendations = [Coh("rec-1", "vol-1", "Delete", 18.40m)],
            CohSummary = new CohSummary(18.40m, "USD", 1),
        };

        var result = new FindingEngine().Run(Context(inventory));

        var coh = Assert.Single(result.Findings, f => f.CheckId == "coh_recommendation_open");
        var native = Assert.Single(result.Findings, f => f.CheckId == "ebs_volume_unattached");
        Assert.True(coh.CountedInTotal);
        Assert.Equal("ebs_volume_gp2_to_gp3, ebs_volume_unattached", coh.Evidence["also_flagged_by"]);
        Assert.False(native.CountedInTotal);
        Assert.Equal(coh.Id, native.SupersededBy);
        Assert.Equal(SavingsSource.CostOptimizationHub, native.Savings.Source);
        Assert.Equal(18.40m, native.Savings.MonthlyAmount);
        Assert.Equal("200.00 USD/month (PriceTable)", native.Evidence["own_savings_estimate"]);
        Assert.StartsWith("gp2 storage 2000 GB × 0.1 USD/GB-month", native.Evidence["own_savings_basis"], StringComparison.Ordinal);
        Assert.StartsWith($"Cost Optimization Hub's estimate for this resource, counted once on finding {coh.Id}", native.Savings.Basis, StringComparison.Ordinal);
        Assert.Equal(18.40m, result.Totals.MonthlySavings);
        Assert.Equal(result.Totals.CohDedupedTotal, result.Totals.CohCoveredTotal);
    }

    [Fact]
    public void Should_Join_On_The_Arn_When_Coh_Names_A_Qualified_Lambda_Version()
    {
        var arn = $"arn:aws:lambda:{Region}:{Account}:function:fn-1";
        var inventory = Inventory() with
        {
            LambdaFunctions = [Function("fn-1")],
            CohRecommendations = [Coh("rec-1", "some-coh-id", "MigrateToGraviton", 3.10m, "LambdaFunction", resourceArn: arn + ":$LATEST")],
        };

        var result = new FindingEngine().Run(Context(inventory));

        var native = Assert.Single(result.Findings, f => f.CheckId == "lambda_function_graviton_candidate");
        Assert.False(native.CountedInTotal);
        Assert.Equal(3.10m, result.Totals.MonthlySavings);
    }

    [Fact]
    public void Should_Keep_The_Highest_Coh_Line_When_Coh_Lists_Several_For_One_Resource()
    {
        var inventory = Inventory() with
        {
            CohRecommendations = [Coh("rec-1", "i-1", "Rightsize", 40m, "Ec2Instance"), Coh("rec-2", "i-1", "MigrateToGraviton", 55m, "Ec2Instance")],
            CohSummary = new CohSummary(55m, "USD", 2),
        };

        var result = new FindingEngine().Run(Context(inventory));

        Assert.Equal(55m, Assert.Single(result.Findings, f => f.CountedInTotal).Savings.MonthlyAmount);
        Assert.Equal(55m, result.Totals.CohCoveredTotal);
        Assert.Equal(result.Totals.CohDedupedTotal, result.Totals.CohCoveredTotal);
    }

    [Fact]
    public void Should_Compute_The_Share_Of_Last_Full_Months_Spend_When_Cost_Explorer_Gave_A_Total()
    {
        // October is the last full month before 22 November; November (month to date) is ignored
        var inventory = Inventory() with
        {
            EbsVolumes = [Volume("vol-1", "gp2", 1000, state: "available")],
            Cost = Cost(monthly:
            [
                new(new DateOnly(2026, 9, 1), new DateOnly(2026, 10, 1), "Total", 900m, null, false),
                new(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1), "Total", 1000m, null, false),
                new(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1), "Amazon EC2", 700m, null, false),
                new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 22), "Total", 5000m, null, true),
            ]),
        };

        var totals = new FindingEngine().Run(Context(inventory)).Totals;

        // 1000 GiB × 0.10 = 100.00 of 1000.00
        Assert.Equal(100.00m, totals.MonthlySavings);
        Assert.Equal(1000m, totals.MonthlySpendBaseline);
        Assert.Equal(0.1m, totals.ShareOfMonthlySpend);
        Assert.Equal(100.00m, totals.MonthlyByCategory["Waste"]);
        Assert.Equal(100.00m, totals.MonthlyByService["ebs"]);
    }

    [Fact]
    public void Should_Sum_The_Services_When_No_Total_Line_Exists() =>
        Assert.Equal(900m, SavingsTotalsOf(
        [
            new(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1), "Amazon EC2", 700m, null, false),
            new(new DateOnly(2026, 10, 1), new DateOnly(2026, 11, 1), "Amazon RDS", 200m, null, false),
        ]).MonthlySpendBaseline);

    [Fact]
    public void Should_Leave_The_Share_Unknown_When_No_Full_Month_Is_Known()
    {
        var totals = SavingsTotalsOf([new(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 22), "Total", 300m, null, true)]);

        Assert.Null(totals.MonthlySpendBaseline);
        Assert.Null(totals.ShareOfMonthlySpend);
    }

    [Fact]
    public void Should_Count_Unknown_Savings_Apart_And_Leave_Out_Risks_When_Totalling()
    {
        var inventory = Inventory() with
        {
            EbsVolumes = [Volume("vol-1", "gp2", 100, state: "available")],
            Ec2Instances = [Instance("i-1", "m3.large", architecture: "x86_64")],
            IamPrincipals = [Principal()],
        };

        var totals = new FindingEngine().Run(Context(inventory)).Totals;

        Assert.Equal(1, totals.FindingsWithSavings);
        Assert.Equal(1, totals.FindingsWithUnknownSavings);
        Assert.Equal(10.00m, totals.MonthlySavings);
        Assert.Equal("USD", totals.Currency);
    }

    private static Core.Scanning.SavingsTotals SavingsTotalsOf(IReadOnlyList<CostAmount> monthly) =>
        new FindingEngine([]).Run(Context(Inventory() with { Cost = Cost(monthly: monthly) })).Totals;

    private sealed class ThrowingCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new(
            "test_check_throws", "Throws", "test", "Test", CheckCategory.Waste, Severity.Low, "A check that fails.",
            [EvidenceNames.EbsVolumes], "none", "none");

        public IEnumerable<Finding> Evaluate(CheckContext context) => throw new InvalidOperationException("boom");
    }
}
