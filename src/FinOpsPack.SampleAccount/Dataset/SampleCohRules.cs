using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.SampleAccount.Dataset;

/// <summary>
/// Cost Optimization Hub's recommendations for the sample account, derived by rule from the inventory lists so they
/// always name resources that exist, whatever the EC2, RDS and Lambda parts contain. Prices are us-east-1 On-Demand
/// list prices (EBS from the shared price table); other regions use <see cref="RegionFactor"/>, an approximation.
/// </summary>
public static class SampleCohRules
{
    public const int HoursPerMonth = 730;

    /// <summary>EC2 Linux On-Demand $/hour in us-east-1.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> Ec2Hourly = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["t3.nano"] = 0.0052m, ["t3.micro"] = 0.0104m, ["t3.small"] = 0.0208m, ["t3.medium"] = 0.0416m, ["t3.large"] = 0.0832m, ["t3.xlarge"] = 0.1664m,
        ["t2.micro"] = 0.0116m, ["t2.medium"] = 0.0464m, ["m4.large"] = 0.10m, ["c4.xlarge"] = 0.199m,
        ["m5.large"] = 0.096m, ["m5.xlarge"] = 0.192m, ["m5.2xlarge"] = 0.384m, ["m5.4xlarge"] = 0.768m,
        ["c5.large"] = 0.085m, ["c5.xlarge"] = 0.17m, ["c5.2xlarge"] = 0.34m, ["c5.4xlarge"] = 0.68m,
        ["r5.large"] = 0.126m, ["r5.xlarge"] = 0.252m, ["r5.2xlarge"] = 0.504m, ["r5.4xlarge"] = 1.008m,
        ["m6g.large"] = 0.077m, ["m6g.xlarge"] = 0.154m, ["m6g.2xlarge"] = 0.308m, ["m6g.4xlarge"] = 0.616m,
        ["c6g.large"] = 0.068m, ["c6g.xlarge"] = 0.136m, ["c6g.2xlarge"] = 0.272m, ["c6g.4xlarge"] = 0.544m,
        ["r6g.large"] = 0.1008m, ["r6g.xlarge"] = 0.2016m, ["r6g.2xlarge"] = 0.4032m, ["r6g.4xlarge"] = 0.8064m,
        ["m6i.large"] = 0.096m, ["m6i.xlarge"] = 0.192m, ["m6i.2xlarge"] = 0.384m,
        ["t4g.medium"] = 0.0336m, ["t4g.large"] = 0.0672m,
    };

    /// <summary>RDS single-AZ $/hour in us-east-1 (Multi-AZ doubles it).</summary>
    public static readonly IReadOnlyDictionary<string, decimal> RdsHourly = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["db.t3.medium"] = 0.068m, ["db.t3.large"] = 0.136m, ["db.m5.large"] = 0.171m, ["db.m5.xlarge"] = 0.342m,
        ["db.m6g.large"] = 0.152m, ["db.r5.large"] = 0.25m, ["db.r5.xlarge"] = 0.50m, ["db.r6g.large"] = 0.225m,
    };

    /// <summary>EBS $/GB-month in us-east-1 (shared price table).</summary>
    public static readonly IReadOnlyDictionary<string, decimal> EbsGbMonth = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["gp2"] = 0.10m, ["gp3"] = 0.08m, ["io1"] = 0.125m, ["io2"] = 0.125m, ["st1"] = 0.045m, ["sc1"] = 0.015m, ["standard"] = 0.05m,
    };

    public const decimal LambdaX86GbSecond = 0.0000166667m;
    public const decimal LambdaArmGbSecond = 0.0000133334m;

    private static readonly string[] Sizes = ["nano", "micro", "small", "medium", "large", "xlarge", "2xlarge", "4xlarge"];

    /// <summary>Where a family has no smaller size, Compute Optimizer moves to a cheaper family of the same architecture.</summary>
    private static readonly Dictionary<string, string> CheaperFamily = new(StringComparer.Ordinal) { ["r5"] = "m5", ["r6g"] = "m6g" };
    private static readonly Dictionary<string, string> GravitonFamily = new(StringComparer.Ordinal) { ["m5"] = "m6g", ["c5"] = "c6g", ["r5"] = "r6g" };

    public static decimal RegionFactor(string region) => region == "us-east-1" ? 1m : 1.115m;

    public static IReadOnlyList<CohRecommendation> Derive(SampleDataset d)
    {
        var refreshed = d.Now.AddDays(-1);
        var all = new List<CohRecommendation>();

        CohRecommendation Make(string accountId, string region, string resourceId, string arn, string type, string action,
            decimal monthlyCost, decimal savings, string current, string recommended, string effort, bool restart, bool rollback) =>
            new(Id(arn, action), accountId, region, resourceId, arn, type, type, action, Math.Round(savings, 2),
                monthlyCost == 0m ? null : Math.Round(savings / monthlyCost * 100m, 2), Math.Round(monthlyCost, 2), "USD", effort,
                restart, rollback, current, recommended, refreshed, 14, "ComputeOptimizer");

        foreach (var i in d.Ec2Instances.Where(i => i.State == "running" && Ec2Hourly.ContainsKey(i.InstanceType)))
        {
            var arn = $"arn:aws:ec2:{i.Region}:{i.AccountId}:instance/{i.InstanceId}";
            var cost = Ec2Hourly[i.InstanceType] * HoursPerMonth * RegionFactor(i.Region);
            if (IsLowCpu(d, i.InstanceId) && Smaller(i.InstanceType) is { } smaller)
            {
                var saving = (Ec2Hourly[i.InstanceType] - Ec2Hourly[smaller]) * HoursPerMonth * RegionFactor(i.Region);
                all.Add(Make(i.AccountId, i.Region, i.InstanceId, arn, "Ec2Instance", "Rightsize", cost, saving,
                    i.InstanceType, smaller, "Medium", restart: true, rollback: true));
            }

            if (i.Architecture is null or "x86_64" && Graviton(i.InstanceType) is { } graviton)
            {
                var saving = (Ec2Hourly[i.InstanceType] - Ec2Hourly[graviton]) * HoursPerMonth * RegionFactor(i.Region);
                all.Add(Make(i.AccountId, i.Region, i.InstanceId, arn, "Ec2Instance", "MigrateToGraviton", cost, saving,
                    i.InstanceType, graviton, "Medium", restart: true, rollback: true));
            }
        }

        foreach (var v in d.EbsVolumes.Where(v => EbsGbMonth.ContainsKey(v.VolumeType)))
        {
            var arn = $"arn:aws:ec2:{v.Region}:{v.AccountId}:volume/{v.VolumeId}";
            var cost = v.SizeGiB * EbsGbMonth[v.VolumeType] * RegionFactor(v.Region);
            var summary = $"{v.VolumeType} {v.SizeGiB} GiB";
            if (v.State == "available")
            {
                all.Add(Make(v.AccountId, v.Region, v.VolumeId, arn, "EbsVolume", "Delete", cost, cost,
                    summary, "", "Low", restart: false, rollback: false));
            }

            if (v.VolumeType == "gp2")
            {
                var saving = v.SizeGiB * (EbsGbMonth["gp2"] - EbsGbMonth["gp3"]) * RegionFactor(v.Region);
                all.Add(Make(v.AccountId, v.Region, v.VolumeId, arn, "EbsVolume", "Upgrade", cost, saving,
                    summary, $"gp3 {v.SizeGiB} GiB", "VeryLow", restart: false, rollback: true));
            }
        }

        foreach (var db in d.RdsInstances.Where(db => db.Status == "available" && RdsHourly.ContainsKey(db.DbInstanceClass)
                     && d.MetricProfiles.TryGetValue(db.DbInstanceIdentifier, out var p) && p.DbConnectionsMax == 0))
        {
            var cost = RdsHourly[db.DbInstanceClass] * (db.MultiAz ? 2 : 1) * HoursPerMonth * RegionFactor(db.Region);
            all.Add(Make(db.AccountId, db.Region, db.DbiResourceId ?? db.DbInstanceIdentifier, db.DbInstanceArn, "RdsDbInstance", "Stop",
                cost, cost, db.DbInstanceClass, "Stopped", "Low", restart: true, rollback: true));
        }

        foreach (var f in d.LambdaFunctions)
        {
            var arn = f.FunctionArn + ":$LATEST";
            var usage = d.LambdaUsage.GetValueOrDefault(f.FunctionArn) ?? new SampleLambdaUsage(0, 0);
            var perGbSecond = f.Architectures.Contains("arm64") ? LambdaArmGbSecond : LambdaX86GbSecond;
            var cost = usage.InvocationsPerMonth * (usage.AverageDurationMs / 1000m) * (f.MemorySizeMb / 1024m) * perGbSecond;
            if (f.MemorySizeMb >= 1024 && cost > 0m)
            {
                all.Add(Make(f.AccountId, f.Region, f.FunctionName, arn, "LambdaFunction", "Rightsize", cost, cost / 2m,
                    $"{f.MemorySizeMb} MB", $"{f.MemorySizeMb / 2} MB", "Low", restart: false, rollback: true));
            }

            if (usage.ProvisionedConcurrency > 0)
            {
                // An actionType the current model does not list: clients must keep it, not reject the page.
                var idle = usage.ProvisionedConcurrency * (f.MemorySizeMb / 1024m) * 3600m * HoursPerMonth * 0.0000041667m;
                all.Add(Make(f.AccountId, f.Region, f.FunctionName, arn, "LambdaFunction", "ReduceProvisionedConcurrency", idle, idle / 2m,
                    $"provisioned concurrency {usage.ProvisionedConcurrency}", $"provisioned concurrency {usage.ProvisionedConcurrency / 2}",
                    "Low", restart: false, rollback: true));
            }
        }

        return [.. all.OrderBy(r => r.RecommendationId, StringComparer.Ordinal)];
    }

    /// <summary>What ListRecommendations returns with includeAllRecommendations=false: the highest saving per resource.</summary>
    public static IReadOnlyList<CohRecommendation> Deduplicate(IEnumerable<CohRecommendation> all) =>
        [.. all.GroupBy(r => r.ResourceArn ?? r.ResourceId, StringComparer.Ordinal)
            .Select(g => g.OrderByDescending(r => r.EstimatedMonthlySavings).ThenBy(r => r.RecommendationId, StringComparer.Ordinal).First())
            .OrderBy(r => r.RecommendationId, StringComparer.Ordinal)];

    private static bool IsLowCpu(SampleDataset d, string instanceId) =>
        d.MetricProfiles.TryGetValue(instanceId, out var p)
        && (p.CpuMaxPercent is < 40 || (p.CpuMaxPercent is null && p.CpuAveragePercent is < 10));

    private static string? Smaller(string instanceType)
    {
        var dot = instanceType.IndexOf('.', StringComparison.Ordinal);
        var index = Array.IndexOf(Sizes, instanceType[(dot + 1)..]);
        if (index > 0 && Ec2Hourly.ContainsKey(instanceType[..dot] + "." + Sizes[index - 1]))
        {
            return instanceType[..dot] + "." + Sizes[index - 1];
        }

        return CheaperFamily.TryGetValue(instanceType[..dot], out var family) && Ec2Hourly.ContainsKey(family + instanceType[dot..])
            ? family + instanceType[dot..]
            : null;
    }

    private static string? Graviton(string instanceType)
    {
        var dot = instanceType.IndexOf('.', StringComparison.Ordinal);
        return GravitonFamily.TryGetValue(instanceType[..dot], out var family) && Ec2Hourly.ContainsKey(family + instanceType[dot..])
            ? family + instanceType[dot..]
            : null;
    }

    /// <summary>Stable ids: the same resource and action always get the same recommendation id.</summary>
    private static string Id(string arn, string action)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(arn + "|" + action));
        return Convert.ToBase64String(hash, 0, 27).Replace('+', 'A').Replace('/', 'B');
    }

    internal static string Money(decimal value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}
