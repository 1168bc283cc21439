using FinOpsPack.Core.Onboarding;

namespace FinOpsPack.Tests.Onboarding;

public sealed class IamActionPatternTests
{
    [Theory]
    [InlineData("s3:Get*", "s3:GetObject", true)]
    [InlineData("s3:get*", "S3:GetObject", true)]
    [InlineData("ec2:Describe*", "ec2:DescribeInstanceAttribute", true)]
    [InlineData("ec2:DescribeVolumes", "ec2:DescribeVolumesModifications", false)]
    [InlineData("ssm:GetParameter?", "ssm:GetParameters", true)]
    [InlineData("*", "iam:CreateUser", true)]
    [InlineData("lambda:GetFunction", "lambda:GetFunctionConfiguration", false)]
    public void Should_Match_As_Iam_Does_When_Given_Wildcards(string pattern, string action, bool expected) =>
        Assert.Equal(expected, IamActionPattern.Matches(pattern, action));

    [Theory]
    [InlineData("s3:Get*", "s3:GetObject*", true)]
    [InlineData("s3:GetBucketLocation", "s3:GetObject*", false)]
    [InlineData("ssm:Get*", "ssm:GetParameter*", true)]
    [InlineData("ec2:Describe*", "ec2:DescribeInstanceAttribute", true)]
    [InlineData("ec2:DescribeInstances", "ec2:DescribeInstanceAttribute", false)]
    [InlineData("lambda:*Function*", "lambda:GetFunction", true)]
    [InlineData("lambda:List*", "lambda:GetFunction", false)]
    [InlineData("ecs:Describe*", "ecs:DescribeTaskDefinition", true)]
    [InlineData("*", "kms:Decrypt", true)]
    public void Should_Detect_Overlap_When_A_Wildcard_Reaches_Another_Pattern(string a, string b, bool expected)
    {
        Assert.Equal(expected, IamActionPattern.Overlaps(a, b));
        Assert.Equal(expected, IamActionPattern.Overlaps(b, a));
    }

    [Theory]
    [InlineData("ec2:DescribeVolumes", true)]
    [InlineData("cost-optimization-hub:ListRecommendations", true)]
    [InlineData("s3:GetObject*", true)]
    [InlineData("*", true)]
    [InlineData("*:Create*", false)]
    [InlineData("ec2*:Describe*", false)]
    [InlineData("DescribeVolumes", false)]
    [InlineData("ec2:", false)]
    public void Should_Accept_Only_Patterns_Iam_Accepts_When_Validating(string pattern, bool expected) =>
        Assert.Equal(expected, IamActionPattern.IsValid(pattern));
}
