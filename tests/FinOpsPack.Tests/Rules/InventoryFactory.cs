using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Rules;

namespace FinOpsPack.Tests.Rules;

/// <summary>Small inventory records for check tests, with defaults a check would not flag unless told otherwise.</summary>
internal static class InventoryFactory
{
    public const string Account = "123456789012";
    public const string Region = "us-east-1";
    public const string OtherRegion = "eu-west-1";

    /// <summary>The scan's time in every check test.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The evidence window's end: midnight before <see cref="Now"/>, as the CloudWatch collector ends it.</summary>
    public static readonly DateTimeOffset WindowEnd = new(2026, 11, 22, 0, 0, 0, TimeSpan.Zero);

    public static Dictionary<string, string> Tags(params (string Key, string Value)[] tags) =>
        tags.ToDictionary(t => t.Key, t => t.Value);

    public static AccountInventory Inventory() => new() { AccountId = Account };

    public static EbsVolume Volume(
        string id = "vol-1", string type = "gp3", int sizeGiB = 100, string state = "in-use", string[]? attachedTo = null,
        int? iops = null, int? throughput = null, int ageDays = 60, string region = Region) =>
        new(Account, region, id, type, sizeGiB, iops ?? (type == "gp3" ? 3000 : null), throughput ?? (type == "gp3" ? 125 : null),
            state, Now.AddDays(-ageDays), region + "a", null, attachedTo ?? (state == "in-use" ? ["i-1"] : []), true, Tags());

    public static Ec2Instance Instance(
        string id = "i-1", string type = "m7g.large", string state = "running", int? stoppedDaysAgo = null,
        string architecture = "arm64", string platform = "Linux/UNIX", string[]? volumeIds = null, string region = Region) =>
        new(Account, region, id, type, state, Now.AddDays(-400), stoppedDaysAgo is { } d ? Now.AddDays(-d) : null, platform,
            architecture, region + "a", null, "ami-1", volumeIds ?? [], Tags(("Name", id)));

    public static EbsSnapshot Snapshot(
        string id = "snap-1", string? volumeId = "vol-gone", int sizeGiB = 100, int ageDays = 200, long? fullSizeBytes = 50L * 1024 * 1024 * 1024,
        string tier = "standard", string region = Region) =>
        new(Account, region, id, volumeId, sizeGiB, Now.AddDays(-ageDays), "completed", tier, "backup", fullSizeBytes, Tags());

    public static MachineImage Image(string id = "ami-1", string[]? snapshotIds = null, string region = Region) =>
        new(Account, region, id, "image", Now.AddDays(-300), "available", snapshotIds ?? [], null, Tags());

    public static ElasticIp ElasticIp(string allocationId = "eipalloc-1", string? associationId = null, string region = Region) =>
        new(Account, region, allocationId, "203.0.113.10", associationId, associationId is null ? null : "i-1",
            associationId is null ? null : "eni-1", "vpc", Tags());

    public static NatGateway Nat(string id = "nat-1", int ageDays = 100, string state = "available", string region = Region) =>
        new(Account, region, id, state, "vpc-1", "subnet-1", "public", Now.AddDays(-ageDays), Tags());

    public static RdsInstance Database(
        string id = "db-1", string instanceClass = "db.m7g.large", string engine = "postgres", bool multiAz = false, int storageGiB = 100,
        string storageType = "gp2", int? iops = null, Dictionary<string, string>? tags = null, string status = "available", string region = Region) =>
        new(Account, region, id, $"arn:aws:rds:{region}:{Account}:db:{id}", instanceClass, engine, "16.4", status, storageGiB, storageType,
            iops, multiAz, Now.AddDays(-400), null, "db-RESOURCE" + id, tags ?? Tags());

    public static RdsSnapshot DbSnapshot(
        string id = "manual-1", string? instance = "db-gone", string type = "manual", int ageDays = 400, string region = Region) =>
        new(Account, region, id, $"arn:aws:rds:{region}:{Account}:snapshot:{id}", instance, type, Now.AddDays(-ageDays), 100, "gp2",
            "postgres", "available", Tags());

    public static LambdaFunction Function(
        string name = "fn-1", string architecture = "x86_64", string runtime = "python3.12", int memoryMb = 1024, string packageType = "Zip",
        string region = Region) =>
        new(Account, region, name, $"arn:aws:lambda:{region}:{Account}:function:{name}", runtime, memoryMb, 30, [architecture],
            packageType, 1000, Now.AddDays(-30));

    public static S3Bucket Bucket(string name = "bucket-1", S3LifecycleRule[]? rules = null, string region = Region) =>
        new(Account, name, region, Now.AddDays(-500), rules);

    public static S3LifecycleRule Rule(string status = "Enabled", int? abortDays = 7) =>
        new("rule", status, HasExpiration: true, HasTransitions: false, abortDays);

    public static IamPrincipal Principal(string name = "llm-app", bool bedrock = true, string? boundary = null) =>
        new(Account, PrincipalKind.Role, name, $"arn:aws:iam::{Account}:role/{name}", "/", boundary, bedrock,
            bedrock ? ["inline:llm allows bedrock:InvokeModel"] : []);

    /// <summary>A daily-period metric over <paramref name="days"/> days ending at <see cref="WindowEnd"/>; <paramref name="missingDays"/> datapoints absent.</summary>
    public static MetricEvidence Metric(
        string resourceId, string metricNamespace, string metricName, string statistic, double? average = null, double? maximum = null,
        double? sum = null, int days = 14, int missingDays = 0, string region = Region) =>
        new(region, resourceId, metricNamespace, metricName, statistic, 86_400, WindowEnd.AddDays(-days), WindowEnd, days - missingDays, days,
            maximum, average, sum, "Complete");

    public static CohRecommendation Coh(
        string recommendationId, string resourceId, string actionType, decimal monthlySavings, string resourceType = "EbsVolume",
        string? resourceArn = null, string region = Region) =>
        new(recommendationId, Account, region, resourceId, resourceArn, resourceType, resourceType, actionType, monthlySavings, 50m,
            monthlySavings * 2, "USD", "Low", false, true, "current", "recommended", Now.AddDays(-1), 14, "ComputeOptimizer");

    public static CostBaseline Cost(
        IReadOnlyList<CostAmount>? monthly = null, CoverageFigure? savingsPlans = null, CoverageFigure? reservations = null,
        IReadOnlyList<CostAnomaly>? anomalies = null, IReadOnlyList<ResourceCost>? resourceCosts = null) =>
        new("USD", ["UnblendedCost"], monthly ?? [], [], [], [], null, savingsPlans, reservations, anomalies ?? [], resourceCosts);

    public static CollectorOutcome Outcome(string collector, string? region, CollectorStatus status = CollectorStatus.Ok) =>
        new(collector, region, status, status == CollectorStatus.NotPermitted ? "ec2:DescribeSomething" : null,
            status == CollectorStatus.Ok ? null : "test says so", [], Now, 1, 0, "test");

    /// <summary>Every known collector succeeded: regional ones in each region, global ones once.</summary>
    public static List<CollectorOutcome> AllOk(params string[] regions)
    {
        var scanned = regions.Length == 0 ? [Region] : regions;
        return
        [
            .. EvidenceNames.Known.SelectMany(k => k.Value == CollectorScope.Global
                ? [Outcome(k.Key, null)]
                : scanned.Select(r => Outcome(k.Key, r))),
        ];
    }

    /// <summary><see cref="AllOk"/> but <paramref name="collector"/> ended with <paramref name="status"/> (in <paramref name="region"/> if regional).</summary>
    public static List<CollectorOutcome> AllOkExcept(string collector, CollectorStatus status = CollectorStatus.NotPermitted, string region = Region) =>
        [.. AllOk().Select(o => o.Collector == collector && (o.Region is null || o.Region == region) ? o with { Status = status, MissingAction = "x:Denied" } : o)];

    public static CheckContext Context(AccountInventory inventory, IReadOnlyList<CollectorOutcome>? outcomes = null, CheckSettings? settings = null) => new()
    {
        Inventory = inventory,
        Now = Now,
        Outcomes = outcomes ?? AllOk(),
        Settings = settings ?? CheckSettings.Empty,
    };
}
