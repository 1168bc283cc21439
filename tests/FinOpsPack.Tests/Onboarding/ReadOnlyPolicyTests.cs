using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Onboarding;

namespace FinOpsPack.Tests.Onboarding;

public sealed class ReadOnlyPolicyTests
{
    private static IReadOnlyList<string> Granted => ReadOnlyPolicy.Current.AllowedPatterns;

    [Fact]
    public void Should_Grant_Exactly_The_Actions_The_Collectors_Declare_When_Generated()
    {
        // Given the collectors found by reflection, when the policy is generated, then it names their actions and nothing else.
        var declared = CollectorCatalog.All.SelectMany(c => c.RequiredActions).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(declared);
        Assert.Equal(declared.Order(StringComparer.Ordinal), Granted.Order(StringComparer.Ordinal));
        Assert.Single(ReadOnlyPolicy.Current.Statement);
    }

    [Fact]
    public void Should_Hold_Only_Describe_List_Get_Actions_When_Generated()
    {
        var notRead = Granted.Where(a => !ForbiddenActions.IsReadClass(a)).ToList();
        Assert.True(notRead.Count == 0, "not Describe/List/Get: " + string.Join(", ", notRead));
    }

    [Fact]
    public void Should_Name_Every_Action_In_Full_When_Generated()
    {
        // No wildcard at all: s3:Get*, lambda:Get*, ec2:Describe*, ecs:Describe* each drag in a data read.
        var patterns = Granted.Where(a => a.Contains('*', StringComparison.Ordinal) || a.Contains('?', StringComparison.Ordinal)).ToList();
        Assert.True(patterns.Count == 0, "wildcards: " + string.Join(", ", patterns));
        Assert.All(Granted, a => Assert.True(IamActionPattern.IsValid(a), a));
    }

    [Fact]
    public void Should_Reach_No_Data_Plane_Read_When_Wildcards_Are_Expanded()
    {
        var reached = (from granted in Granted
                       from forbidden in ForbiddenActions.DataPlaneReads
                       where IamActionPattern.Overlaps(granted, forbidden)
                       select $"{granted} reaches {forbidden}").ToList();
        Assert.True(reached.Count == 0, string.Join("; ", reached));
        Assert.All(ForbiddenExamples.DataPlaneActions, a => Assert.NotEqual(PolicyDecision.Allowed, ReadOnlyPolicy.Current.Evaluate(a)));
    }

    [Fact]
    public void Should_Allow_No_Write_Or_Dangerous_Action_When_Evaluated()
    {
        var allowed = ForbiddenExamples.WriteActions.Concat(ForbiddenExamples.Dangerous)
            .Where(a => ReadOnlyPolicy.Current.Evaluate(a) == PolicyDecision.Allowed).ToList();
        Assert.True(allowed.Count == 0, "allowed: " + string.Join(", ", allowed));
    }

    [Theory]
    [InlineData("s3:GetObject")]
    [InlineData("s3:Get*")]
    [InlineData("ec2:Describe*")]
    [InlineData("ecs:Describe*")]
    [InlineData("lambda:Get*")]
    [InlineData("lambda:GetFunction")]
    [InlineData("ec2:DescribeInstanceAttribute")]
    [InlineData("ecs:DescribeTaskDefinition")]
    [InlineData("ssm:GetParametersByPath")]
    [InlineData("cloudformation:GetTemplate")]
    [InlineData("ec2:TerminateInstances")]
    [InlineData("iam:PassRole")]
    [InlineData("kms:Decrypt")]
    [InlineData("*:Create*")]
    [InlineData("*")]
    public void Should_Refuse_To_Generate_When_A_Declared_Action_Is_Not_A_Safe_Read(string action)
    {
        // Given a collector that declared this action, then no policy is generated and the reason names it.
        var e = Assert.Throws<InvalidOperationException>(() => ReadOnlyPolicy.Create(["ec2:DescribeVolumes", action]));
        Assert.Contains(action, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Fit_The_Inline_Role_Policy_Quota_When_Generated()
    {
        // IAM: the inline policies of a role may total 10,240 characters, whitespace not counted.
        Assert.InRange(ReadOnlyPolicy.Current.IamSize, 1, 10_240);
    }

    [Fact]
    public void Should_Write_Standard_Policy_Json_When_Serialized()
    {
        var json = System.Text.Json.JsonDocument.Parse(ReadOnlyPolicy.Create(["ec2:DescribeVolumes", "ce:GetCostAndUsage"]).ToJson()).RootElement;
        Assert.Equal("2012-10-17", json.GetProperty("Version").GetString());
        var statement = Assert.Single(json.GetProperty("Statement").EnumerateArray());
        Assert.Equal("Allow", statement.GetProperty("Effect").GetString());
        Assert.Equal("*", statement.GetProperty("Resource").GetString());
        Assert.Equal(["ce:GetCostAndUsage", "ec2:DescribeVolumes"], statement.GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
    }
}
