using FinOpsPack.Core.Aws.Services.S3;

namespace FinOpsPack.Tests.Aws.Services.S3;

public sealed class S3ClientTests
{
    [Theory]
    [InlineData(null, "us-east-1")]
    [InlineData("", "us-east-1")]
    [InlineData("US", "us-east-1")]
    [InlineData("EU", "eu-west-1")]
    [InlineData("eu-west-1", "eu-west-1")]
    [InlineData("ap-southeast-2", "ap-southeast-2")]
    public void Should_Name_The_Region_When_Reading_A_LocationConstraint(string? constraint, string region) =>
        Assert.Equal(region, S3Client.RegionOfLocation(constraint));
}
