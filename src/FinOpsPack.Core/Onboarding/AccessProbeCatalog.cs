using System.Text.Json.Nodes;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Onboarding;

/// <summary>
/// One probe per action of the read policy (a test holds the two sets equal both ways). Each makes the cheapest call
/// that needs exactly that action. Cost Explorer charges for every request and CloudWatch for every metric requested,
/// so those probes are marked billed and run only when asked.
/// </summary>
public static class AccessProbeCatalog
{
    private const string Home = "us-east-1";
    private const string CostExplorerPrice = "$0.01 per request (Cost Explorer API)";
    private const string NoOrganization = "AWSOrganizationsNotInUseException";

    public static IReadOnlyList<AccessProbe> All { get; } =
    [
        // Organizations (global, us-east-1)
        new("organizations:DescribeOrganization", "DescribeOrganization",
            _ => AwsJson.Request(AwsService.Organizations, Home, "DescribeOrganization", null),
            AuthorizedErrors: [NoOrganization]),
        new("organizations:ListAccounts", "ListAccounts MaxResults=1",
            _ => AwsJson.Request(AwsService.Organizations, Home, "ListAccounts", new { MaxResults = 1 }),
            AuthorizedErrors: [NoOrganization],
            DeniedNote: "only the management account (or a delegated administrator) may list accounts; a member account is refused whatever its policy says, and the report then shows account ids without names"),

        // Cost Explorer (billed per request)
        new("ce:GetCostAndUsage", "GetCostAndUsage yesterday, DAILY, UnblendedCost",
            c => AwsJson.Request(AwsService.CostExplorer, Home, "GetCostAndUsage", new
            {
                TimePeriod = new { Start = c.DaysAgo(1), End = c.Today },
                Granularity = "DAILY",
                Metrics = new[] { "UnblendedCost" },
            }),
            Cost: CostExplorerPrice),
        new("ce:GetCostAndUsageWithResources", "GetCostAndUsageWithResources yesterday, EC2 compute only",
            c => AwsJson.Request(AwsService.CostExplorer, Home, "GetCostAndUsageWithResources", new
            {
                TimePeriod = new { Start = c.DaysAgo(1), End = c.Today },
                Granularity = "DAILY",
                Metrics = new[] { "UnblendedCost" },
                Filter = new { Dimensions = new { Key = "SERVICE", Values = new[] { "Amazon Elastic Compute Cloud - Compute" } } },
            }),
            Cost: CostExplorerPrice,
            DeniedNote: "resource-level data is opt-in (Cost Explorer settings); without it the report has no per-resource cost"),
        new("ce:GetSavingsPlansCoverage", "GetSavingsPlansCoverage yesterday MaxResults=1",
            c => AwsJson.Request(AwsService.CostExplorer, Home, "GetSavingsPlansCoverage", new
            {
                TimePeriod = new { Start = c.DaysAgo(2), End = c.DaysAgo(1) },
                MaxResults = 1,
            }),
            Cost: CostExplorerPrice),
        new("ce:GetReservationCoverage", "GetReservationCoverage yesterday MaxResults=1",
            c => AwsJson.Request(AwsService.CostExplorer, Home, "GetReservationCoverage", new
            {
                TimePeriod = new { Start = c.DaysAgo(2), End = c.DaysAgo(1) },
                MaxResults = 1,
            }),
            Cost: CostExplorerPrice),
        new("ce:GetAnomalies", "GetAnomalies yesterday MaxResults=1",
            c => AwsJson.Request(AwsService.CostExplorer, Home, "GetAnomalies", new
            {
                DateInterval = new { StartDate = c.DaysAgo(1), EndDate = c.Today },
                MaxResults = 1,
            }),
            Cost: CostExplorerPrice),
        new("ce:GetCostForecast", "GetCostForecast today, DAILY, UNBLENDED_COST",
            c => AwsJson.Request(AwsService.CostExplorer, Home, "GetCostForecast", new
            {
                TimePeriod = new { Start = c.Today, End = c.DaysAhead(1) },
                Metric = "UNBLENDED_COST",
                Granularity = "DAILY",
            }),
            Cost: CostExplorerPrice,
            AuthorizedErrors: ["DataUnavailableException"]),

        // Cost Optimization Hub (us-east-1 only)
        new("cost-optimization-hub:ListEnrollmentStatuses", "ListEnrollmentStatuses maxResults=1",
            _ => AwsJson.Request(AwsService.CostOptimizationHub, Home, "ListEnrollmentStatuses", new { maxResults = 1 })),
        new("cost-optimization-hub:GetPreferences", "GetPreferences",
            _ => AwsJson.Request(AwsService.CostOptimizationHub, Home, "GetPreferences", null)),
        new("cost-optimization-hub:ListRecommendations", "ListRecommendations maxResults=1",
            _ => AwsJson.Request(AwsService.CostOptimizationHub, Home, "ListRecommendations", new { maxResults = 1 })),
        new("cost-optimization-hub:ListRecommendationSummaries", "ListRecommendationSummaries groupBy=ResourceType maxResults=1",
            _ => AwsJson.Request(AwsService.CostOptimizationHub, Home, "ListRecommendationSummaries", new { groupBy = "ResourceType", maxResults = 1 })),

        // EC2 (regional)
        new("ec2:DescribeRegions", "DescribeRegions RegionName.1=<region>",
            c => Ec2("DescribeRegions").Add("RegionName.1", c.Region).ToRequest(c.Region)),
        new("ec2:DescribeInstances", "DescribeInstances MaxResults=5",
            c => Ec2("DescribeInstances").Add("MaxResults", 5).ToRequest(c.Region)),
        new("ec2:DescribeVolumes", "DescribeVolumes MaxResults=5",
            c => Ec2("DescribeVolumes").Add("MaxResults", 5).ToRequest(c.Region)),
        new("ec2:DescribeSnapshots", "DescribeSnapshots Owner=self MaxResults=5",
            c => Ec2("DescribeSnapshots").Add("Owner.1", "self").Add("MaxResults", 5).ToRequest(c.Region)),
        new("ec2:DescribeAddresses", "DescribeAddresses (filtered to a tag no address has)",
            c => Ec2("DescribeAddresses").Add("Filter.1.Name", "tag-key").Add("Filter.1.Value.1", "finops-pack-access-check").ToRequest(c.Region)),
        new("ec2:DescribeNatGateways", "DescribeNatGateways MaxResults=5",
            c => Ec2("DescribeNatGateways").Add("MaxResults", 5).ToRequest(c.Region)),
        new("ec2:DescribeImages", "DescribeImages Owner=self MaxResults=5",
            c => Ec2("DescribeImages").Add("Owner.1", "self").Add("MaxResults", 5).ToRequest(c.Region)),

        // RDS (regional; MaxRecords is at least 20)
        new("rds:DescribeDBInstances", "DescribeDBInstances MaxRecords=20",
            c => new QueryForm(AwsService.Rds, "DescribeDBInstances").Add("MaxRecords", 20).ToRequest(c.Region)),
        new("rds:DescribeDBSnapshots", "DescribeDBSnapshots MaxRecords=20",
            c => new QueryForm(AwsService.Rds, "DescribeDBSnapshots").Add("MaxRecords", 20).ToRequest(c.Region)),

        // IAM (global)
        new("iam:GetAccountAuthorizationDetails", "GetAccountAuthorizationDetails MaxItems=1",
            _ => new QueryForm(AwsService.Iam, "GetAccountAuthorizationDetails").Add("MaxItems", 1).ToRequest(Home)),

        // Lambda (regional, REST)
        new("lambda:ListFunctions", "ListFunctions MaxItems=1",
            c => Rest(AwsService.Lambda, c.Region, "ListFunctions", "/2015-03-31/functions?MaxItems=1")),

        // ECS (regional); ListServices and DescribeServices need a cluster and a service to ask about
        new("ecs:ListClusters", "ListClusters maxResults=1",
            c => AwsJson.Request(AwsService.Ecs, c.Region, "ListClusters", new { maxResults = 1 }),
            Find: (r, q) => FirstString(r, q, "clusterArns")),
        new("ecs:DescribeClusters", "DescribeClusters (the default cluster)",
            c => AwsJson.Request(AwsService.Ecs, c.Region, "DescribeClusters", null)),
        new("ecs:ListServices", "ListServices cluster=<first cluster> maxResults=1",
            c => AwsJson.Request(AwsService.Ecs, c.Region, "ListServices", new { cluster = c.Found["ecs:ListClusters"], maxResults = 1 }),
            Needs: "ecs:ListClusters",
            Find: (r, q) => FirstString(r, q, "serviceArns")),
        new("ecs:DescribeServices", "DescribeServices cluster=<first cluster> services=<first service>",
            c => AwsJson.Request(AwsService.Ecs, c.Region, "DescribeServices", new
            {
                cluster = c.Found["ecs:ListClusters"],
                services = new[] { c.Found["ecs:ListServices"] },
            }),
            Needs: "ecs:ListServices"),

        // S3 (REST-XML, path style); the bucket calls need a bucket, and lifecycle its region
        new("s3:ListAllMyBuckets", "ListBuckets max-buckets=1",
            _ => Rest(AwsService.S3, Home, "ListBuckets", "/?max-buckets=1"),
            Find: (r, q) => AwsXml.Parse(r, q).Child("Buckets").Children("Bucket").FirstOrDefault().Text("Name")),
        new("s3:GetBucketLocation", "GetBucketLocation <first bucket>",
            c => Rest(AwsService.S3, Home, "GetBucketLocation", "/" + Uri.EscapeDataString(c.Found["s3:ListAllMyBuckets"]) + "?location"),
            Needs: "s3:ListAllMyBuckets",
            Find: (r, q) => BucketRegion(AwsXml.Parse(r, q).Value)),
        new("s3:GetLifecycleConfiguration", "GetBucketLifecycleConfiguration <first bucket>",
            c => Rest(AwsService.S3, c.Found["s3:GetBucketLocation"], "GetBucketLifecycleConfiguration",
                "/" + Uri.EscapeDataString(c.Found["s3:ListAllMyBuckets"]) + "?lifecycle"),
            Needs: "s3:GetBucketLocation",
            AuthorizedErrors: ["NoSuchLifecycleConfiguration"]),

        // CloudWatch (regional; GetMetricData is billed per metric requested)
        new("cloudwatch:GetMetricData", "GetMetricData 1 metric (AWS/EC2 CPUUtilization), last hour",
            c => new QueryForm(AwsService.CloudWatch, "GetMetricData")
                .Add("MetricDataQueries.member.1.Id", "probe")
                .Add("MetricDataQueries.member.1.MetricStat.Metric.Namespace", "AWS/EC2")
                .Add("MetricDataQueries.member.1.MetricStat.Metric.MetricName", "CPUUtilization")
                .Add("MetricDataQueries.member.1.MetricStat.Period", 3600)
                .Add("MetricDataQueries.member.1.MetricStat.Stat", "Average")
                .Add("StartTime", c.Now.AddHours(-1))
                .Add("EndTime", c.Now)
                .ToRequest(c.Region),
            Cost: "$0.01 per 1,000 metrics requested (this call requests 1)"),
    ];

    public static AccessProbe? Find(string action) => All.FirstOrDefault(p => p.Action == action);

    private static QueryForm Ec2(string operation) => new(AwsService.Ec2, operation);

    private static AwsRequest Rest(AwsService service, string region, string operation, string pathAndQuery) =>
        new(service, region, operation, HttpMethod.Get, pathAndQuery, [], null);

    private static string? FirstString(AwsResponse response, AwsRequest request, string member)
    {
        try
        {
            return JsonNode.Parse(response.Body)?[member]?.AsArray().FirstOrDefault()?.GetValue<string>();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            throw AwsJson.Malformed(request, response, e);
        }
    }

    /// <summary>GetBucketLocation's LocationConstraint: empty for us-east-1, the legacy <c>EU</c> for eu-west-1.</summary>
    internal static string BucketRegion(string constraint) => constraint.Trim() switch
    {
        "" => "us-east-1",
        "EU" => "eu-west-1",
        var region => region,
    };
}
