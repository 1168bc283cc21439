using FinOpsPack.Core.Aws;

namespace FinOpsPack.Tests.Aws;

public sealed class InputValidationTests
{
    [Theory]
    [InlineData("arn:aws:iam::123456789012:role/finops-pack-readonly", "/", "finops-pack-readonly")]
    [InlineData("arn:aws:iam::123456789012:role/team/cost/finops-pack-readonly", "/team/cost/", "finops-pack-readonly")]
    [InlineData("arn:aws:iam::123456789012:role/a+b=c,d.e@f-g_h", "/", "a+b=c,d.e@f-g_h")]
    public void Should_Parse_Path_And_Name_When_The_Role_Arn_Is_Well_Formed(string value, string path, string name)
    {
        var arn = RoleArn.Parse(value);
        Assert.Equal("123456789012", arn.AccountId);
        Assert.Equal(path, arn.Path);
        Assert.Equal(name, arn.RoleName);
    }

    [Theory]
    [InlineData("arn:aws:iam::12345678901:role/x", "not an IAM role ARN")]
    [InlineData("arn:aws:iam::123456789012:user/x", "not an IAM role ARN")]
    [InlineData("arn:aws:sts::123456789012:assumed-role/x/y", "not an IAM role ARN")]
    [InlineData("123456789012", "not an IAM role ARN")]
    [InlineData("arn:aws:iam::123456789012:role/", "not an IAM role ARN")]
    [InlineData("arn:aws-us-gov:iam::123456789012:role/x", "GovCloud and China need a separate deployment")]
    [InlineData("arn:aws-cn:iam::123456789012:role/x", "GovCloud and China need a separate deployment")]
    [InlineData("arn:aws-iso:iam::123456789012:role/x", "not supported")]
    public void Should_Refuse_With_A_Reason_When_The_Role_Arn_Is_Wrong(string value, string reason)
    {
        var e = Assert.Throws<UserInputException>(() => RoleArn.Parse(value));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("review-2026/acme:prod=1,x.y@z+w_v")]
    public void Should_Accept_And_Fingerprint_When_The_External_Id_Is_Valid(string value)
    {
        var id = ExternalId.Parse(value);
        Assert.Matches("^[0-9a-f]{8}$", id.Fingerprint);
        Assert.DoesNotContain(value, id.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Q")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("quote\"d")]
    public void Should_Refuse_Without_Echoing_The_Secret_When_The_External_Id_Is_Invalid(string value)
    {
        var e = Assert.Throws<UserInputException>(() => ExternalId.Parse(value));
        Assert.DoesNotContain(value, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Refuse_When_The_External_Id_Is_Longer_Than_Sts_Allows()
    {
        Assert.Throws<UserInputException>(() => ExternalId.Parse(new string('a', 1225)));
        Assert.NotNull(ExternalId.Parse(new string('a', 1224)));
    }

    [Fact]
    public void Should_Generate_Distinct_Valid_Ids_Of_At_Least_32_Characters_When_Asked()
    {
        var ids = Enumerable.Range(0, 50).Select(_ => FinOpsPack.Core.Onboarding.ExternalIdGenerator.Generate()).ToList();
        Assert.All(ids, id => Assert.True(id.Length >= 32));
        Assert.All(ids, id => ExternalId.Parse(id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("us-east-1,eu-west-1", 2)]
    [InlineData(" us-east-1 , us-east-1 ", 1)]
    [InlineData("", 0)]
    public void Should_Parse_Region_Lists_When_The_Names_Are_Commercial(string csv, int count) =>
        Assert.Equal(count, AwsRegions.ParseList(csv).Count);

    [Theory]
    [InlineData("us-gov-west-1", "GovCloud or China")]
    [InlineData("cn-north-1", "GovCloud or China")]
    [InlineData("useast1", "not an AWS region name")]
    [InlineData("us-east-1;rm -rf", "not an AWS region name")]
    public void Should_Refuse_Region_Names_When_They_Are_Not_Commercial_Regions(string csv, string reason) =>
        Assert.Contains(reason, Assert.Throws<UserInputException>(() => AwsRegions.ParseList(csv)).Message, StringComparison.Ordinal);
}
