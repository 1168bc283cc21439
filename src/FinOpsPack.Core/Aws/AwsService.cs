namespace FinOpsPack.Core.Aws;

/// <summary>
/// Static facts about one AWS service as the clients need them: how to sign, where the endpoint is, how to speak to it.
/// </summary>
/// <param name="ServiceId">SDK service id; <c>AWS_ENDPOINT_URL_&lt;ServiceId upper-snake&gt;</c> overrides its endpoint.</param>
/// <param name="SigningName">SigV4 credential-scope service name.</param>
/// <param name="EndpointPrefix">Host prefix: <c>https://{prefix}.{region}.amazonaws.com</c>.</param>
/// <param name="IamPrefix">Prefix of IAM action names (<c>cloudwatch</c> for the <c>monitoring</c> endpoint).</param>
/// <param name="GlobalRegion">Set for services with one endpoint (signed in that region), null for regional services.</param>
/// <param name="GlobalHost">Host of a global endpoint that does not follow the regional pattern (IAM: iam.amazonaws.com).</param>
/// <param name="IamActionNames">Operations whose IAM action is not named after them (S3: ListBuckets needs s3:ListAllMyBuckets).</param>
public sealed record AwsService(
    string ServiceId,
    string SigningName,
    string EndpointPrefix,
    string IamPrefix,
    AwsProtocol Protocol,
    string? ApiVersion = null,
    string? TargetPrefix = null,
    string? GlobalRegion = null,
    string? GlobalHost = null,
    IReadOnlyDictionary<string, string>? IamActionNames = null)
{
    public bool IsGlobal => GlobalRegion is not null;

    /// <summary>The environment variable name the AWS SDKs read for a per-service endpoint override.</summary>
    public string EndpointEnvironmentVariable => "AWS_ENDPOINT_URL_" + ServiceId.ToUpperInvariant().Replace(' ', '_');

    /// <summary>The IAM action an operation of this service needs, e.g. <c>ec2:DescribeVolumes</c>.</summary>
    public string ActionFor(string operation) =>
        IamPrefix + ":" + (IamActionNames is not null && IamActionNames.TryGetValue(operation, out var action) ? action : operation);

    public static readonly AwsService Sts = new("STS", "sts", "sts", "sts", AwsProtocol.Query, "2011-06-15");
    public static readonly AwsService Ec2 = new("EC2", "ec2", "ec2", "ec2", AwsProtocol.Ec2Query, "2016-11-15");
    public static readonly AwsService Rds = new("RDS", "rds", "rds", "rds", AwsProtocol.Query, "2014-10-31");
    public static readonly AwsService CloudWatch = new("CloudWatch", "monitoring", "monitoring", "cloudwatch", AwsProtocol.Query, "2010-08-01");
    public static readonly AwsService Iam = new("IAM", "iam", "iam", "iam", AwsProtocol.Query, "2010-05-08", GlobalRegion: "us-east-1", GlobalHost: "iam.amazonaws.com");
    public static readonly AwsService Organizations = new("Organizations", "organizations", "organizations", "organizations", AwsProtocol.Json11, TargetPrefix: "AWSOrganizationsV20161128", GlobalRegion: "us-east-1");
    public static readonly AwsService CostExplorer = new("Cost Explorer", "ce", "ce", "ce", AwsProtocol.Json11, TargetPrefix: "AWSInsightsIndexService", GlobalRegion: "us-east-1");
    public static readonly AwsService CostOptimizationHub = new("Cost Optimization Hub", "cost-optimization-hub", "cost-optimization-hub", "cost-optimization-hub", AwsProtocol.Json10, TargetPrefix: "CostOptimizationHubService", GlobalRegion: "us-east-1");
    public static readonly AwsService Ecs = new("ECS", "ecs", "ecs", "ecs", AwsProtocol.Json11, TargetPrefix: "AmazonEC2ContainerServiceV20141113");
    public static readonly AwsService Lambda = new("Lambda", "lambda", "lambda", "lambda", AwsProtocol.RestJson);
    public static readonly AwsService S3 = new("S3", "s3", "s3", "s3", AwsProtocol.RestXml, IamActionNames: new Dictionary<string, string>
    {
        ["ListBuckets"] = "ListAllMyBuckets",
        ["GetBucketLifecycleConfiguration"] = "GetLifecycleConfiguration",
    });
    public static readonly AwsService Pricing = new("Pricing", "pricing", "api.pricing", "pricing", AwsProtocol.Json11, TargetPrefix: "AWSPriceListService", GlobalRegion: "us-east-1");

    public static IReadOnlyList<AwsService> All { get; } =
        [Sts, Ec2, Rds, CloudWatch, Iam, Organizations, CostExplorer, CostOptimizationHub, Ecs, Lambda, S3, Pricing];

    public static AwsService? FindBySigningName(string signingName) =>
        All.FirstOrDefault(s => s.SigningName == signingName);
}
