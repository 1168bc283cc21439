using System.Globalization;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Report;
using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Bench;

/// <summary>
/// A large, deterministic scan shaped like a real one: findings spread over services, regions, accounts and savings
/// sources (some unknown, some risks), names with markup and formula characters, and a 12-month cost baseline.
/// </summary>
public static class SyntheticScan
{
    private static readonly string[] Services = ["EC2", "EBS", "RDS", "Lambda", "S3", "ECS", "VPC", "IAM"];
    private static readonly string[] Regions = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"];
    private static readonly string[] Accounts = ["123456789012", "234567890123", "345678901234", "456789012345"];
    private static readonly string[] Names = ["web-{0}", "batch worker {0}", "<img src=x onerror=alert({0})>", "=HYPERLINK(\"http://evil\",\"{0}\")", "data-lake-{0}"];

    public static ScanResult Create(int findings)
    {
        var random = new Random(42);
        var list = new List<Finding>(findings);
        for (var i = 0; i < findings; i++)
        {
            var service = Services[i % Services.Length];
            var region = Regions[random.Next(Regions.Length)];
            var account = Accounts[random.Next(Accounts.Length)];
            var id = service switch
            {
                "EC2" => "i-" + i.ToString("x17", CultureInfo.InvariantCulture),
                "EBS" => "vol-" + i.ToString("x17", CultureInfo.InvariantCulture),
                _ => service.ToLowerInvariant() + "-resource-" + i.ToString(CultureInfo.InvariantCulture),
            };
            var name = string.Format(CultureInfo.InvariantCulture, Names[i % Names.Length], i);
            var source = (i % 10) switch
            {
                0 => SavingsSource.Unknown,
                1 => SavingsSource.CostOptimizationHub,
                2 => SavingsSource.PriceListApi,
                _ => service == "IAM" ? SavingsSource.NotApplicable : SavingsSource.PriceTable,
            };
            decimal? amount = source is SavingsSource.Unknown or SavingsSource.NotApplicable ? null : Math.Round((decimal)(random.NextDouble() * 400), 2);
            list.Add(new Finding(
                i.ToString("x16", CultureInfo.InvariantCulture), service.ToLowerInvariant() + "_check", service + " resource can be cheaper",
                (CheckCategory)(i % 5), (Severity)(i % 4), service, "AWS::" + service + "::Resource", id,
                $"arn:aws:{service.ToLowerInvariant()}:{region}:{account}:resource/{id}", name, account, region,
                "Rightsize or delete " + id, $"Resource {name} ({id}) has been idle for 30 days.",
                new SavingsEstimate(amount, "USD", source, "100 GiB × 0.08 USD/GB-month (price table 2026-07-01)", "Low", i % 3 == 0, i % 2 == 0),
                new Dictionary<string, string> { ["tag:Name"] = name, ["cpuMax14d"] = "3.2 %" }));
        }

        var cost = Cost();
        return new ScanResult
        {
            Scan = new ScanMetadata(
                "0.1.0", "bench", "arn:aws:iam::999988887777:user/consultant", "arn:aws:iam::123456789012:role/FinOpsPackReadOnly", null,
                "finops-pack-bench", "0000", "123456789012", Regions, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddMinutes(3), 180_000, 0),
            Inventory = new AccountInventory { AccountId = "123456789012", Cost = cost },
            Collectors = [new CollectorOutcome("ec2.instances", "us-east-1", CollectorStatus.NotPermitted, "ec2:DescribeInstances", "AccessDenied", [], DateTimeOffset.UnixEpoch, 10, 1, "EC2 instances")],
            Api = new ApiUsage(1000, 1010, 3, 10, 0, new Dictionary<string, int> { ["ec2"] = 1000 }, 12, 0.12m, 50_000),
            Findings = list,
            Savings = ReportModelBuilder.ComputeTotals(list, "USD", cost.MonthlyByService.Where(a => a.PeriodStart.Month == 8).Sum(a => a.UnblendedCost)),
        };
    }

    private static CostBaseline Cost()
    {
        var byService = new List<CostAmount>();
        for (var m = 0; m < 12; m++)
        {
            var start = new DateOnly(2025, 9, 1).AddMonths(m);
            byService.AddRange(Services.Select((s, i) => new CostAmount(start, start.AddMonths(1), s, 1000m * (i + 1) + (m * 37), null, false)));
        }

        return new CostBaseline("USD", ["UnblendedCost"], byService, [], [], [], null, null, null, [], null);
    }
}
