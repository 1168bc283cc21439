using FinOpsPack.Core.Aws.Services.CloudWatch;
using FinOpsPack.Core.Aws.Services.CostOptimizationHub;
using FinOpsPack.Core.Aws.Services.Iam;
using FinOpsPack.Core.Aws.Services.S3;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Collectors.CloudWatch;
using FinOpsPack.Core.Collectors.CostExplorer;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.SampleAccount.Services;

namespace FinOpsPack.Cli.Commands.Bench;

/// <summary>
/// The calls a scan of a sample dataset must make, collector by collector, from the dataset's contents and the page
/// sizes AWS allows: what the critical path is computed from. A collector without a model here is listed as such, so
/// the bound never silently leaves out a new one; the benchmark also compares the planned calls with the audit.
/// </summary>
public static class ScanCallPlan
{
    private const string Home = "us-east-1";
    private const string Regions = "ec2.regions";

    public static (IReadOnlyList<PlannedStep> Steps, IReadOnlyList<string> NotModelled) For(SampleDataset d)
    {
        var steps = new List<PlannedStep>
        {
            // The session: whoami, then AssumeRole; every collector waits for it.
            new("sts.session", "sts", Home, 2),
            new(Regions, "ec2", Home, 1, "sts.session"),
        };
        var modelled = new HashSet<string>(StringComparer.Ordinal) { Regions };

        static int Batches(int items, int size) => (int)Math.Ceiling(items / (double)size);

        int Pages(int items, int operationMax) => Math.Max(1, (int)Math.Ceiling(items / (double)Math.Min(operationMax, d.MaxPageSize)));

        void Regional(string collector, string service, Func<string, int> sequential, params string[] after)
        {
            modelled.Add(collector);
            foreach (var region in d.EnabledRegions)
            {
                steps.Add(new($"{collector}@{region}", service, region, sequential(region), [Regions, .. after.Select(a => $"{a}@{region}")]));
            }
        }

        Regional("ec2.instances", "ec2", r => Pages(d.Ec2Instances.Where(i => i.Region == r).Select(i => d.Ec2ReservationIds[i.InstanceId]).Distinct().Count(), 1000));
        Regional("ebs.volumes", "ec2", r => Pages(d.EbsVolumes.Count(v => v.Region == r), 500));
        Regional("ebs.snapshots", "ec2", r => Pages(d.EbsSnapshots.Count(s => s.Region == r), 1000));
        Regional("ec2.nat-gateways", "ec2", r => Pages(d.NatGateways.Count(n => n.Region == r), 1000));
        Regional("ec2.images", "ec2", r => Pages(d.MachineImages.Count(m => m.Region == r), 1000));
        Regional("ec2.elastic-ips", "ec2", _ => 1);
        Regional("rds.instances", "rds", r => Pages(d.RdsInstances.Count(x => x.Region == r), 100));
        Regional("rds.snapshots", "rds", r => Pages(d.RdsSnapshots.Count(x => x.Region == r), 100));
        Regional("lambda.functions", "lambda", r => Pages(d.LambdaFunctions.Count(f => f.Region == r), 50));

        // ECS: ListClusters, then DescribeClusters 100 at a time; ecs.services lists the clusters itself, then each
        // cluster's services (100 a page) and describes them 10 at a time, clusters and batches side by side.
        modelled.UnionWith(["ecs.clusters", "ecs.services", "cloudwatch.metrics"]);
        foreach (var region in d.EnabledRegions)
        {
            var clusters = d.EcsClusters.Where(c => c.Region == region).ToList();
            var services = clusters.Select(c => d.EcsServices.Count(x => x.ClusterArn == c.ClusterArn)).ToList();
            steps.Add(new($"ecs.clusters@{region}", "ecs", region, Pages(clusters.Count, 100), Regions));
            steps.Add(new($"ecs.clusters.describe@{region}", "ecs", region, 1, Math.Max(1, Batches(clusters.Count, 100)), [$"ecs.clusters@{region}"]));
            steps.Add(new($"ecs.services@{region}", "ecs", region, Pages(clusters.Count, 100), Regions));
            if (clusters.Count > 0)
            {
                steps.Add(new($"ecs.services.list@{region}", "ecs", region, services.Max(n => Pages(n, 100)), services.Sum(n => Pages(n, 100)),
                    [$"ecs.services@{region}"]));
                var describe = services.Sum(n => Batches(n, 10));
                if (describe > 0)
                {
                    steps.Add(new($"ecs.services.describe@{region}", "ecs", region, 1, describe, [$"ecs.services.list@{region}"]));
                }
            }

            // CloudWatch: the collector's own plan over the region's resources, 500 queries a call, a few batches side by side.
            var end = new DateTimeOffset(d.Now.UtcDateTime.Date, TimeSpan.Zero);
            // A batch pages when its datapoints exceed what one answer carries (the sample's budget: 30 × the page cap).
            var plan = MetricPlan.For(region, end.AddDays(-new ScanSettings().MetricWindowDays), end,
                d.Ec2Instances, d.RdsInstances, d.NatGateways, d.EbsVolumes);
            var budget = Math.Min(100_800, CloudWatchHandler.DatapointsPerPageFactor * d.MaxPageSize);
            var batchPages = plan.Chunk(CloudWatchClient.MaxQueriesPerCall)
                .Select(batch => Math.Max(1, Batches(batch.Sum(q => d.MetricProfiles.ContainsKey(q.ResourceId) ? q.ExpectedDatapoints : 0), budget)))
                .ToList();
            if (batchPages.Count > 0)
            {
                var rounds = Batches(batchPages.Count, new CloudWatchMetricsCollector().BatchesInFlight);
                steps.Add(new($"cloudwatch.metrics@{region}", "monitoring", region, rounds * batchPages.Max(), batchPages.Sum(),
                    [$"ec2.instances@{region}", $"ebs.volumes@{region}", $"ec2.nat-gateways@{region}", $"rds.instances@{region}"]));
            }
        }

        void Global(string collector, string service, int sequential, int total, params string[] after)
        {
            modelled.Add(collector);
            steps.Add(new(collector, service, Home, sequential, total, after.Length == 0 ? ["sts.session"] : after));
        }

        // Organizations: DescribeOrganization, then ListAccounts 20 a page, after the sample's deliberate empty first page.
        var listAccounts = d.Organization is null ? 0 : 1 + Pages(d.Organization.Accounts.Count, 20);
        Global("organizations.accounts", "organizations", 1 + listAccounts, 1 + listAccounts);

        // Cost Explorer: every query fits one page at the sample's page size except the resource-level one, whose
        // rows are (day × running instance) over 14 days; the collector stops at its budget of billed pages.
        Global("ce.spend", "ce", 1, 3);
        Global("ce.forecast", "ce", 1, 1);
        Global("ce.anomalies", "ce", 1, 1);
        Global("ce.coverage", "ce", 1, 2);
        var resourceRows = d.ResourceLevelCostEnabled
            ? d.Ec2Instances.Count(i => i.State == "running" && SampleCohRules.Ec2Hourly.ContainsKey(i.InstanceType)) * ResourceCostsCollector.WindowDays
            : 0;
        var resourcePages = Math.Min(Batches(Math.Max(1, resourceRows), Math.Max(1, d.CostExplorerGroupsPerPage)),
            Math.Max(1, new ScanSettings().ResourceLevelCostMaxRequests));
        Global("ce.resource-costs", "ce", resourcePages, resourcePages);

        // Cost Optimization Hub: enrollment first, then the other three side by side.
        Global("coh.enrollment", "cost-optimization-hub", 1, 1);
        Global("coh.recommendations", "cost-optimization-hub", Pages(d.CohRecommendations.Count, CostOptimizationHubClient.RecommendationPageSize),
            Pages(d.CohRecommendations.Count, CostOptimizationHubClient.RecommendationPageSize), "coh.enrollment");
        Global("coh.summaries", "cost-optimization-hub", 1, 1, "coh.enrollment");
        Global("coh.preferences", "cost-optimization-hub", 1, 1, "coh.enrollment");

        // IAM: GetAccountAuthorizationDetails pages over users, groups, roles and policies together, 1,000 items a page.
        var iamItems = d.IamUsers.Count + d.IamGroups.Count + d.IamRoles.Count + d.IamPolicies.Count;
        Global("iam.authorization", "iam", Pages(iamItems, IamClient.MaxItemsLimit), Pages(iamItems, IamClient.MaxItemsLimit));

        // S3: ListBuckets (its BucketRegion names each bucket's region, as AWS's does), then each bucket's lifecycle in
        // the bucket's own region.
        Global("s3.buckets", "s3", Pages(d.S3Buckets.Count, S3Client.ListBucketsPageSize), Pages(d.S3Buckets.Count, S3Client.ListBucketsPageSize));
        foreach (var group in d.S3Buckets.GroupBy(b => b.Region))
        {
            steps.Add(new($"s3.lifecycle@{group.Key}", "s3", group.Key, 1, group.Count(), ["s3.buckets"]));
        }

        var notModelled = CollectorCatalog.All.Select(c => c.Name).Where(n => !modelled.Contains(n)).Order(StringComparer.Ordinal).ToList();
        return (steps, notModelled);
    }
}
