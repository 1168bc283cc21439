using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Scanning;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Rules;

/// <summary>
/// The whole catalogue over a real scan of the sample account (HTTP, SigV4, every collector). Expected findings and the
/// expected total are derived from the dataset's deliberate cases (SampleDataset.Ec2/.Query/.Json) and the price table.
/// </summary>
public sealed class SampleAccountFindingsTests
{
    private static readonly Dictionary<string, string[]> ExpectedResources = new()
    {
        ["ebs_volume_unattached"] = ["vol-0a100000000000015", "vol-0a100000000000016", "vol-0e100000000000004"],
        ["ebs_volume_gp2_to_gp3"] =
        [
            "vol-0a100000000000002", "vol-0a100000000000005", "vol-0a100000000000006", "vol-0a100000000000007", "vol-0a100000000000008",
            "vol-0a100000000000009", "vol-0a100000000000015", "vol-0e100000000000002", "vol-0e100000000000004",
        ],
        ["ebs_volume_io1_upgradable"] = ["vol-0a100000000000004"],
        // old-etl (stopped 45 days): both volumes; archive-eu (stopped 120 days): its root. ci-runner (10 days) is not reported.
        ["ebs_volume_on_stopped_instance"] = ["vol-0a100000000000008", "vol-0a100000000000009", "vol-0e100000000000002"],
        // > 90 days, volume gone, no AMI: not snap-…06 (60 days), not snap-…07/…10/0e…02 (AMIs keep them)
        ["ebs_snapshot_orphaned"] = ["snap-0a100000000000003", "snap-0a100000000000004", "snap-0a100000000000005", "snap-0e100000000000001"],
        ["ec2_elastic_ip_unassociated"] = ["eipalloc-0a100000000000002"],
        ["ec2_nat_gateway_idle"] = ["nat-0a1ac000000000002"],
        ["ec2_nat_gateway_high_traffic"] = ["nat-0a1ac000000000001"],
        ["ec2_instance_previous_generation"] = ["i-0a100000000000005", "i-0a100000000000006"],
        // Linux x86 m/c/r/t families; not win-ad (Windows), not graviton-api (arm64), not stopped instances
        ["ec2_instance_graviton_candidate"] =
        [
            "i-0a100000000000001", "i-0a100000000000002", "i-0a100000000000003", "i-0a100000000000004", "i-0a100000000000005",
            "i-0a100000000000006", "i-0a100000000000009", "i-0a100000000000012", "i-0e100000000000001", "i-0e100000000000003",
        ],
        // data-science (i-…12) has 5 missing days: an evidence gap, not a finding
        ["ec2_instance_low_cpu"] = ["i-0a100000000000004", "i-0a100000000000006", "i-0e100000000000003"],
        ["rds_instance_previous_generation"] = ["legacy-billing-mysql"],
        ["rds_instance_graviton_candidate"] = ["catalog-mysql", "eu-checkout-prod", "reporting-replica-idle", "staging-orders-pg"],
        ["rds_instance_idle"] = ["reporting-replica-idle"],
        ["rds_instance_multi_az_non_production"] = ["staging-orders-pg"],
        ["rds_snapshot_manual_old"] = ["decommissioned-crm-final", "eu-checkout-prod-q3", "legacy-billing-pre-upgrade-2024"],
        ["lambda_function_graviton_candidate"] = ["eu-thumbnailer", "image-resizer", "legacy-etl", "nightly-report"],
        ["s3_bucket_no_lifecycle_rules"] = ["acme-artifacts", "acme-media-eu"],
        ["s3_bucket_multipart_abort_missing"] = ["acme-data-lake"],
        ["ce_savings_plans_coverage_low"] = ["savings-plans-coverage"],
        ["ce_reservation_coverage_low"] = ["reservation-coverage"],
        ["ce_cost_anomaly_detected"] = ["9b3f2c1e-5a7d-4e8f-b6a1-0c2d3e4f5a6b"],
        // 11 Bedrock-capable identities, 4 with a boundary; the service-linked role takes none and is not reported
        ["iam_principal_bedrock_without_boundary"] =
        [
            "arn:aws:iam::123456789012:role/\"><script>alert('xss')</script>/chatbot-lambda-role", "arn:aws:iam::123456789012:role/ml-experiments-role",
            "arn:aws:iam::123456789012:role/platform-admin-role", "arn:aws:iam::123456789012:user/alice", "arn:aws:iam::123456789012:user/carol",
            "arn:aws:iam::123456789012:user/ci-deployer",
        ],
    };

    /// <summary>Native findings counted in the total (resources Cost Optimization Hub does not cover), us-east-1 unless noted.</summary>
    private static readonly Dictionary<string, decimal> CountedNative = new()
    {
        // io1 500 GiB × 0.125 + 10000 IOPS × 0.065 = 712.50 − (gp3 500 × 0.08 + 7000 IOPS × 0.005 = 75.00)
        ["vol-0a100000000000004"] = 637.50m,
        // snapshots store 37 % of their volume (FullSnapshotSizeInBytes): 92.5 / 370 GiB × 0.05; archived 18.5 GiB × 0.0125
        ["snap-0a100000000000003"] = 4.63m,
        ["snap-0a100000000000004"] = 18.50m,
        ["snap-0a100000000000005"] = 0.23m,
        // eu-west-1: 14.8 GiB × 0.05
        ["snap-0e100000000000001"] = 0.74m,
        // 730 h × 0.005 public IPv4
        ["eipalloc-0a100000000000002"] = 3.65m,
        // 730 h × 0.045 NAT gateway hour
        ["nat-0a1ac000000000002"] = 32.85m,
        // lower bound: 500 GiB gp3 × (0.23 Multi-AZ − 0.115 Single-AZ)
        ["staging-orders-pg"] = 57.50m,
    };

    [FullCatalogueFact]
    public async Task Should_Find_The_Deliberate_Cases_And_Total_When_Scanning_The_Sample_Account()
    {
        // Given a scan of the sample account with every collector succeeding
        await using var harness = await SampleAccountHarness.StartAsync();
        var scan = await harness.ScanAsync(harness.Request());

        // When the catalogue runs over it
        var (result, problems) = new FindingEngine().Apply(scan);

        // Then every check judged every region, and found exactly the dataset's cases
        Assert.Empty(problems);
        Assert.DoesNotContain(result.CheckCoverage, c => c.Status is CheckCoverageStatus.NotEvaluated or CheckCoverageStatus.Failed);
        foreach (var (check, resources) in ExpectedResources)
        {
            Assert.Equal(resources.Order(StringComparer.Ordinal), result.Findings.Where(f => f.CheckId == check).Select(f => f.ResourceId).Order(StringComparer.Ordinal));
        }

        AssertGaps(result);
        AssertTotals(result);
    }

    private static void AssertGaps(ScanResult result)
    {
        var gaps = result.CheckCoverage.Where(c => c.Status == CheckCoverageStatus.EvidenceIncomplete).Select(c => (c.CheckId, c.ResourceId)).ToHashSet();
        Assert.Equal(
            [
                ("ec2_instance_low_cpu", "i-0a100000000000012"),
                ("rds_instance_idle", "eu-flaky-metrics-mysql"),
                ("rds_instance_idle", "eu-newly-created-pg"),
                ("s3_bucket_no_lifecycle_rules", "acme-backups-eu"),
            ],
            gaps.Order());
    }

    private static void AssertTotals(ScanResult result)
    {
        var totals = result.Savings!;
        var counted = result.Findings.Where(f => f.CountedInTotal && f.Savings.MonthlyAmount is not null).ToList();

        // Cost Optimization Hub's part is its own de-duplicated total (one recommendation per resource; for the idle
        // replica that is its Stop, 49.64).
        Assert.Equal(767.73m, totals.CohDedupedTotal);
        Assert.Equal(totals.CohDedupedTotal, totals.CohCoveredTotal);

        // Native figures count only on resources COH does not cover: 755.60
        var native = counted.Where(f => f.CheckId != "coh_recommendation_open").ToDictionary(f => f.ResourceId, f => f.Savings.MonthlyAmount!.Value);
        Assert.Equal(CountedNative.OrderBy(p => p.Key), native.OrderBy(p => p.Key));

        // 767.73 + 755.60
        Assert.Equal(1523.33m, totals.MonthlySavings);
        Assert.Equal(1523.33m * 12, totals.AnnualSavings);
        Assert.Equal("USD", totals.Currency);
        Assert.NotNull(totals.ShareOfMonthlySpend);
    }
}
