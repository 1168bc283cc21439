using FinOpsPack.Core.Aws;

namespace FinOpsPack.Tests.Aws;

public sealed class EndpointResolverTests
{
    private static readonly Dictionary<string, string> NoEnvironment = [];

    [Theory]
    [InlineData("EC2", "eu-west-1", "https://ec2.eu-west-1.amazonaws.com/")]
    [InlineData("Cost Explorer", "eu-west-1", "https://ce.us-east-1.amazonaws.com/")]
    [InlineData("Cost Optimization Hub", "eu-west-1", "https://cost-optimization-hub.us-east-1.amazonaws.com/")]
    [InlineData("IAM", "eu-west-1", "https://iam.amazonaws.com/")]
    [InlineData("CloudWatch", "ap-south-1", "https://monitoring.ap-south-1.amazonaws.com/")]
    [InlineData("Organizations", "us-west-2", "https://organizations.us-east-1.amazonaws.com/")]
    public void Should_Use_The_Public_Endpoint_When_Nothing_Overrides_It(string serviceId, string region, string expected)
    {
        var resolver = new EndpointResolver(null, NoEnvironment.GetValueOrDefault);
        Assert.Equal(expected, resolver.Resolve(AwsService.All.Single(s => s.ServiceId == serviceId), region).ToString());
    }

    [Fact]
    public void Should_Prefer_Flag_Then_Service_Variable_Then_Global_Variable_When_Several_Are_Set()
    {
        var env = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:4566",
            ["AWS_ENDPOINT_URL_COST_EXPLORER"] = "http://127.0.0.1:5000",
        };
        var fromEnv = new EndpointResolver(null, env.GetValueOrDefault);
        Assert.Equal("http://127.0.0.1:5000/", fromEnv.Resolve(AwsService.CostExplorer, "us-east-1").ToString());
        Assert.Equal("http://127.0.0.1:4566/", fromEnv.Resolve(AwsService.Ec2, "us-east-1").ToString());

        var fromFlag = new EndpointResolver(new Uri("http://127.0.0.1:9000"), env.GetValueOrDefault);
        Assert.Equal("http://127.0.0.1:9000/", fromFlag.Resolve(AwsService.CostExplorer, "us-east-1").ToString());
    }
}
