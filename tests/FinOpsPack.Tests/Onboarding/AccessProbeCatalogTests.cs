using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Onboarding;

namespace FinOpsPack.Tests.Onboarding;

public sealed class AccessProbeCatalogTests
{
    private static readonly AccessProbeContext Context = new("eu-west-1", new DateTimeOffset(2026, 3, 15, 12, 0, 0, TimeSpan.Zero),
        AccessProbeCatalog.All.ToDictionary(p => p.Action, p => p.Action == "s3:GetBucketLocation" ? "eu-west-1" : "found-" + p.Action));

    [Fact]
    public void Should_Probe_Every_Policy_Action_And_Nothing_Else_When_Compared_With_The_Policy()
    {
        var policy = ReadOnlyPolicy.Current.AllowedPatterns.ToHashSet(StringComparer.Ordinal);
        var probed = AccessProbeCatalog.All.Select(p => p.Action).ToList();
        Assert.Equal(probed.Count, probed.Distinct(StringComparer.Ordinal).Count());
        var unprobed = policy.Except(probed).ToList();
        var extra = probed.Except(policy).ToList();
        Assert.True(unprobed.Count == 0, "policy actions without a probe (add one to AccessProbeCatalog): " + string.Join(", ", unprobed));
        Assert.True(extra.Count == 0, "probes of actions no collector declares: " + string.Join(", ", extra));
    }

    [Fact]
    public void Should_Need_Exactly_The_Probed_Action_When_Each_Request_Is_Built()
    {
        // The request's IAM action is derived from its service and operation, as the transport's audit records it.
        Assert.All(AccessProbeCatalog.All, p => Assert.Equal(p.Action, p.Build(Context).Action));
    }

    [Fact]
    public void Should_Mark_Billed_Exactly_The_Calls_Aws_Charges_For_When_Listed()
    {
        var billed = AccessProbeCatalog.All.Where(p => p.Billed).Select(p => p.Action).ToHashSet(StringComparer.Ordinal);
        Assert.All(AccessProbeCatalog.All.Where(p => p.Action.StartsWith("ce:", StringComparison.Ordinal)), p => Assert.Contains(p.Action, billed));
        Assert.All(billed, a => Assert.True(a.StartsWith("ce:", StringComparison.Ordinal) || a == "cloudwatch:GetMetricData", a));
    }

    [Fact]
    public void Should_Depend_Only_On_Probes_That_Exist_Without_Cycles_When_Chained()
    {
        foreach (var probe in AccessProbeCatalog.All)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal) { probe.Action };
            for (var p = probe; p.Needs is { } needs; p = AccessProbeCatalog.Find(needs)!)
            {
                Assert.NotNull(AccessProbeCatalog.Find(needs));
                Assert.True(seen.Add(needs), "cycle through " + needs);
                Assert.NotNull(AccessProbeCatalog.Find(needs)!.Find);
            }
        }
    }

    [Fact]
    public void Should_Ask_For_One_Small_Page_When_The_Operation_Pages()
    {
        string Body(string action) => JsonOrForm(AccessProbeCatalog.Find(action)!.Build(Context).Body);
        Assert.Contains("MaxResults=5", Body("ec2:DescribeVolumes"), StringComparison.Ordinal);
        Assert.Contains("Owner.1=self", Body("ec2:DescribeSnapshots"), StringComparison.Ordinal);
        Assert.Contains("\"maxResults\":1", Body("cost-optimization-hub:ListRecommendations"), StringComparison.Ordinal);
        Assert.Contains("MaxRecords=20", Body("rds:DescribeDBInstances"), StringComparison.Ordinal);
        Assert.Contains("MaxItems=1", Body("iam:GetAccountAuthorizationDetails"), StringComparison.Ordinal);
        Assert.Equal("/2015-03-31/functions?MaxItems=1", AccessProbeCatalog.Find("lambda:ListFunctions")!.Build(Context).PathAndQuery);
    }

    [Theory]
    [InlineData("", "us-east-1")]
    [InlineData("EU", "eu-west-1")]
    [InlineData("ap-southeast-2", "ap-southeast-2")]
    public void Should_Read_The_Bucket_Region_When_Given_A_Location_Constraint(string constraint, string region) =>
        Assert.Equal(region, AccessProbeCatalog.BucketRegion(constraint));

    private static string JsonOrForm(byte[] body) => AwsJson.Text(body);
}
