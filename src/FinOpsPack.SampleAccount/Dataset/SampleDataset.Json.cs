using FinOpsPack.Core.Inventory;

namespace FinOpsPack.SampleAccount.Dataset;

// The JSON/REST services of the sample account: Organizations, Cost Explorer, Cost Optimization Hub, ECS, Lambda, S3.
//
// Deliberate cases (each exists to be found, or to trip a careless client):
// * Organizations: the scanned account is the management account of o-a1b2c3d4e5 with 3 members, one SUSPENDED.
//   The first ListAccounts page is empty but carries a NextToken (AWS may do this; a client must keep paging).
// * Cost Explorer: one daily cube of cost lines (account × service × region) over 13 months and month-to-date; every
//   answer is summed out of it, so per-month totals are equal whether split by SERVICE, LINKED_ACCOUNT or REGION, and
//   the daily series adds up to the months. The current month is Estimated. REGION keys include "NoRegion" (Tax).
//   The sandbox member stopped costing anything three months ago. Two spikes in the cube are the two anomalies
//   (their impact is exactly the spike). Amortized differs from unblended where commitments are spread (EC2, RDS).
//   Forecast = the current daily rate for the rest of the month. Savings Plans cover 35 % of EC2, Lambda and Fargate
//   spend; Reserved Instances cover 25 % of the running EC2 instance-hours of the inventory. Resource-level cost
//   (opt-in, last 14 days only) exists for running EC2 instances at list price; it is not forced into the cube's EC2 line.
// * Cost Optimization Hub: enrolled. Recommendations are derived by rule from the EC2, EBS, RDS and Lambda lists (see
//   SampleCohRules), so they always name resources that exist: rightsize low-CPU instances (CPU max < 40 %), Graviton for
//   m5/c5/r5, gp2 → gp3, delete unattached volumes, stop idle RDS (no connections), halve Lambda memory of 1 GB or more.
//   With the EC2 part: the idle r5.large i-0a100000000000004 gets Rightsize (→ m5.large) and MigrateToGraviton, the
//   unattached gp2 vol-0a100000000000015 gets Delete and Upgrade — incompatible pairs of which the de-duplicated list
//   keeps the higher saving. With the RDS part, reporting-replica-idle (no connections) gets Stop. orders-api (provisioned concurrency) gets actionType "ReduceProvisionedConcurrency", a
//   value the current model lacks (kept as text). Lambda resource ARNs carry the ":$LATEST" qualifier (7 colons).
// * ECS: an idle cluster (one service scaled to 0), a service on a capacity provider strategy (no launchType).
// * Lambda: x86_64 and arm64, a container-image function (no Runtime), and orders-api whose Environment.Variables hold
//   the fake secret SAMPLE_SECRET_DO_NOT_LEAK: it must never reach the scan output.
// * S3: buckets in both regions; one with the legacy LocationConstraint "EU"; with and without lifecycle rules; abort of
//   incomplete multipart uploads present, absent, and on a Disabled rule; one bucket whose lifecycle read is denied
//   (AccessDenied), so its LifecycleRules are null in the scan.
public sealed partial class SampleDataset
{
    public const string SampleSecret = "SAMPLE_SECRET_DO_NOT_LEAK";
    public const string ProdAccountId = "210987654321";
    public const string DevAccountId = "345678901234";
    public const string SandboxAccountId = "456789012345";

    public SampleOrganization? Organization { get; set; }

    public List<SampleCostLine> CostLines { get; } = [];

    public List<SampleCostSpike> CostSpikes { get; } = [];

    /// <summary>Share of Savings-Plan-eligible spend (EC2 compute, Lambda, Fargate) the plans cover.</summary>
    public decimal SavingsPlansCoverShare { get; } = 0.35m;

    /// <summary>Share of running EC2 instance-hours that reservations cover.</summary>
    public decimal ReservedHoursShare { get; } = 0.25m;

    /// <summary>Whether resource-level Cost Explorer data is opted in (tests turn it off).</summary>
    public bool ResourceLevelCostEnabled { get; set; } = true;

    /// <summary>
    /// Groups per GetCostAndUsage page. AWS decides its own page size; the default keeps a scan at one page per query
    /// (the billed-request budget), tests lower it to walk many pages.
    /// </summary>
    public int CostExplorerGroupsPerPage { get; set; } = 1000;

    /// <summary>Whether Cost Optimization Hub is enrolled (tests turn it off).</summary>
    public bool CohEnrolled { get; set; } = true;

    public string CohSavingsEstimationMode { get; } = "AfterDiscounts";

    /// <summary>Every recommendation the hub holds, incompatible alternatives included; derived on each read.</summary>
    public IReadOnlyList<CohRecommendation> CohAllRecommendations => _frozenCohAll ?? SampleCohRules.Derive(this);

    /// <summary>One recommendation per resource, the highest saving: what ListRecommendations returns by default.</summary>
    public IReadOnlyList<CohRecommendation> CohRecommendations => _frozenCoh ?? SampleCohRules.Deduplicate(CohAllRecommendations);

    /// <summary>Environment variables by function ARN: served by ListFunctions, never to be read into the scan.</summary>
    public Dictionary<string, IReadOnlyDictionary<string, string>> LambdaEnvironments { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SampleLambdaUsage> LambdaUsage { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SampleBucketWire> BucketWire { get; } = new(StringComparer.Ordinal);

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>First day Cost Explorer has data for: the first of the month 13 months ago.</summary>
    public DateOnly CostDataStart => new DateOnly(Today.Year, Today.Month, 1).AddMonths(-13);

    partial void BuildJsonServices()
    {
        BuildOrganization();
        BuildCosts();
        BuildEcs();
        BuildLambda();
        BuildS3();
    }

    private void BuildOrganization()
    {
        var joined = Now.AddYears(-3);
        Organization = new SampleOrganization("o-a1b2c3d4e5", AccountId, "aws-root@acme.example", "ALL",
        [
            new(AccountId, "acme-management", "aws-root@acme.example", "ACTIVE", "CREATED", joined),
            new(ProdAccountId, "acme-prod", "aws-prod@acme.example", "ACTIVE", "CREATED", joined.AddDays(2)),
            new(DevAccountId, "acme-dev", "aws-dev@acme.example", "ACTIVE", "INVITED", joined.AddDays(40)),
            new(SandboxAccountId, "acme-sandbox", "aws-sandbox@acme.example", "SUSPENDED", "CREATED", joined.AddDays(200)),
        ]);
    }

    private void BuildCosts()
    {
        const string ec2 = "Amazon Elastic Compute Cloud - Compute";
        const string ec2Other = "EC2 - Other";
        const string rds = "Amazon Relational Database Service";
        const string s3 = "Amazon Simple Storage Service";
        const string lambda = "AWS Lambda";
        const string ecs = "Amazon Elastic Container Service";
        const string cloudWatch = "AmazonCloudWatch";
        const string vpc = "Amazon Virtual Private Cloud";
        const string ce = "AWS Cost Explorer";
        const string us = "us-east-1";
        const string eu = "eu-west-1";
        var m = AccountId;
        var sandboxSuspended = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-3);

        SampleCostLine mgmtEc2 = new(m, ec2, us, 38.40m, 0.01m, 0.92m, UsageType: "BoxUsage:m5.2xlarge");
        SampleCostLine prodS3 = new(ProdAccountId, s3, us, 4.47m, 0.03m, UsageType: "TimedStorage-ByteHrs");
        CostLines.AddRange(
        [
            mgmtEc2,
            new(m, ec2, eu, 11.52m, 0m, 0.92m),
            new(m, ec2Other, us, 6.35m),
            new(m, ec2Other, eu, 2.10m),
            new(m, rds, us, 17.80m, 0m, 0.96m),
            new(m, rds, eu, 8.25m),
            new(m, s3, us, 3.21m, 0.02m),
            new(m, s3, eu, 1.08m),
            new(m, lambda, us, 0.84m),
            new(m, lambda, eu, 0.31m),
            new(m, ecs, us, 9.46m),
            new(m, ecs, eu, 4.18m),
            new(m, cloudWatch, us, 2.12m),
            new(m, vpc, us, 3.30m),
            new(m, vpc, eu, 1.62m),
            new(m, ce, us, 0.27m),
            new(m, "Tax", "NoRegion", 5.10m),
            new(ProdAccountId, ec2, us, 54.75m, 0.02m, 0.90m),
            new(ProdAccountId, rds, eu, 21.90m, 0m, 0.95m),
            prodS3,
            new(ProdAccountId, cloudWatch, us, 1.05m),
            new(DevAccountId, ec2, us, 8.96m),
            new(DevAccountId, lambda, eu, 0.29m),
            new(DevAccountId, s3, eu, 0.44m),
            new(SandboxAccountId, ec2, us, 1.48m, ActiveUntil: sandboxSuspended),
        ]);
        CostSpikes.Add(new("9b3f2c1e-5a7d-4e8f-b6a1-0c2d3e4f5a6b", mgmtEc2, Today.AddDays(-6), 3, 85.50m, 0.82m, 0.64m));
        CostSpikes.Add(new("1d4e7a2b-3c5f-4a9e-8b7c-6d5e4f3a2b1c", prodS3, Today.AddDays(-41), 2, 30.00m, 0.61m, 0.12m));
    }

    private void BuildEcs()
    {
        var m = AccountId;
        string Cluster(string region, string name) => $"arn:aws:ecs:{region}:{m}:cluster/{name}";
        string Service(string region, string cluster, string name) => $"arn:aws:ecs:{region}:{m}:service/{cluster}/{name}";
        var team = new Dictionary<string, string> { ["team"] = "web", ["env"] = "prod" };
        var empty = new Dictionary<string, string>();

        EcsServices.AddRange(
        [
            new(m, "us-east-1", Service("us-east-1", "prod-web", "web-frontend"), "web-frontend", Cluster("us-east-1", "prod-web"), "ACTIVE", "FARGATE", 3, 3, [], team),
            new(m, "us-east-1", Service("us-east-1", "prod-web", "web-api"), "web-api", Cluster("us-east-1", "prod-web"), "ACTIVE", "FARGATE", 2, 2, [], team),
            new(m, "us-east-1", Service("us-east-1", "prod-web", "web-worker"), "web-worker", Cluster("us-east-1", "prod-web"), "ACTIVE", null, 4, 4, ["FARGATE_SPOT", "FARGATE"], empty),
            new(m, "us-east-1", Service("us-east-1", "batch", "batch-scheduler"), "batch-scheduler", Cluster("us-east-1", "batch"), "ACTIVE", "EC2", 0, 0, [], empty),
            new(m, "eu-west-1", Service("eu-west-1", "eu-prod", "eu-api"), "eu-api", Cluster("eu-west-1", "eu-prod"), "ACTIVE", "FARGATE", 2, 2, [], new Dictionary<string, string> { ["env"] = "prod" }),
            new(m, "eu-west-1", Service("eu-west-1", "eu-prod", "eu-cron"), "eu-cron", Cluster("eu-west-1", "eu-prod"), "ACTIVE", "FARGATE", 1, 1, [], empty),
        ]);

        (string Region, string Name, IReadOnlyDictionary<string, string> Tags)[] clusters =
        [
            ("us-east-1", "prod-web", team),
            ("us-east-1", "batch", new Dictionary<string, string> { ["team"] = "data" }),
            ("eu-west-1", "eu-prod", empty),
        ];
        foreach (var (region, name, tags) in clusters)
        {
            var arn = Cluster(region, name);
            var services = EcsServices.Where(s => s.ClusterArn == arn).ToList();
            EcsClusters.Add(new(m, region, arn, name, "ACTIVE", services.Sum(s => s.RunningCount), services.Count(s => s.Status == "ACTIVE"), tags));
        }
    }

    private void BuildLambda()
    {
        var m = AccountId;
        LambdaFunction Function(string region, string name, string? runtime, int memory, int timeout, string arch, string package, long codeSize, int daysAgo) =>
            new(m, region, name, $"arn:aws:lambda:{region}:{m}:function:{name}", runtime, memory, timeout, [arch], package, codeSize,
                LambdaModifiedAt(daysAgo));

        LambdaFunctions.AddRange(
        [
            Function("us-east-1", "image-resizer", "python3.12", 1536, 30, "x86_64", "Zip", 5_242_880, 12),
            Function("us-east-1", "orders-api", "nodejs20.x", 512, 15, "arm64", "Zip", 1_048_576, 3),
            Function("us-east-1", "nightly-report", "python3.11", 256, 900, "x86_64", "Zip", 204_800, 200),
            Function("us-east-1", "legacy-etl", null, 3008, 900, "x86_64", "Image", 0, 400),
            Function("eu-west-1", "eu-webhook", "python3.12", 128, 10, "arm64", "Zip", 40_960, 30),
            Function("eu-west-1", "eu-thumbnailer", "nodejs20.x", 2048, 60, "x86_64", "Zip", 9_437_184, 90),
        ]);

        var ordersApi = LambdaFunctions.Single(f => f.FunctionName == "orders-api").FunctionArn;
        LambdaEnvironments[ordersApi] = new Dictionary<string, string>
        {
            ["DB_HOST"] = "orders.cluster-abc.us-east-1.rds.amazonaws.com",
            ["DB_PASSWORD"] = SampleSecret,
        };

        foreach (var f in LambdaFunctions)
        {
            LambdaUsage[f.FunctionArn] = f.FunctionName switch
            {
                "image-resizer" => new SampleLambdaUsage(2_400_000, 850),
                "orders-api" => new SampleLambdaUsage(9_000_000, 120, ProvisionedConcurrency: 20),
                "legacy-etl" => new SampleLambdaUsage(30_000, 240_000),
                "eu-thumbnailer" => new SampleLambdaUsage(1_200_000, 1_400),
                _ => new SampleLambdaUsage(60_000, 300),
            };
        }
    }

    /// <summary>Lambda reports LastModified to the millisecond; whole seconds keep the expected value exact.</summary>
    private DateTimeOffset LambdaModifiedAt(int daysAgo)
    {
        var t = Now.AddDays(-daysAgo).ToUniversalTime();
        return new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, TimeSpan.Zero);
    }

    private void BuildS3()
    {
        var m = AccountId;
        DateTimeOffset Created(int daysAgo)
        {
            var t = Now.AddDays(-daysAgo).ToUniversalTime();
            return new DateTimeOffset(t.Year, t.Month, t.Day, 9, 30, 0, TimeSpan.Zero);
        }

        void Bucket(string name, string region, string? constraint, int age, IReadOnlyList<S3LifecycleRule>? rules, bool denied = false)
        {
            S3Buckets.Add(new S3Bucket(m, name, region, Created(age), denied ? null : rules));
            BucketWire[name] = new SampleBucketWire(constraint, denied);
        }

        Bucket("acme-logs-us", "us-east-1", null, 900, [new("expire-logs", "Enabled", true, false, 7)]);
        Bucket("acme-artifacts", "us-east-1", null, 600, []);
        Bucket("acme-data-lake", "us-east-1", "", 1200, [new("to-infrequent-access", "Enabled", false, true, null)]);
        Bucket("acme-logs-eu", "eu-west-1", "EU", 1500, [new("expire-logs", "Enabled", true, false, 3)]);
        Bucket("acme-media-eu", "eu-west-1", "eu-west-1", 300, [new("old-uploads", "Disabled", false, false, 14)]);
        Bucket("acme-backups-eu", "eu-west-1", "eu-west-1", 700, [new("archive", "Enabled", true, true, 1)], denied: true);
    }
}
