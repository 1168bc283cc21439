using FinOpsPack.Core.Aws;

namespace FinOpsPack.Tests.Aws;

public sealed class AwsServiceTests
{
    [Theory]
    [InlineData("Cost Explorer", "AWS_ENDPOINT_URL_COST_EXPLORER")]
    [InlineData("EC2", "AWS_ENDPOINT_URL_EC2")]
    [InlineData("Cost Optimization Hub", "AWS_ENDPOINT_URL_COST_OPTIMIZATION_HUB")]
    public void Should_Name_The_Sdk_Endpoint_Variable_When_Asked(string serviceId, string expected)
    {
        var service = AwsService.All.Single(s => s.ServiceId == serviceId);
        Assert.Equal(expected, service.EndpointEnvironmentVariable);
    }

    [Fact]
    public void Should_Use_The_Cloudwatch_Iam_Prefix_When_Signing_As_Monitoring()
    {
        Assert.Equal("monitoring", AwsService.CloudWatch.SigningName);
        Assert.Equal("cloudwatch:GetMetricData", AwsService.CloudWatch.ActionFor("GetMetricData"));
    }
}
