using FinOpsPack.Core.Onboarding;

namespace FinOpsPack.Tests.Onboarding;

public sealed class PermissionsBoundaryTests
{
    private static PolicyDocument Boundary => PermissionsBoundary.Current;

    [Fact]
    public void Should_Allow_Every_Read_Action_When_Evaluated()
    {
        Assert.All(ReadOnlyPolicy.Current.AllowedPatterns, a => Assert.Equal(PolicyDecision.Allowed, Boundary.Evaluate(a)));
    }

    [Fact]
    public void Should_Deny_The_Data_Plane_Reads_By_Name_When_Evaluated()
    {
        var statement = Assert.Single(Boundary.Statement, s => s.Sid == PermissionsBoundary.DataPlaneSid);
        Assert.Equal(PolicyEffect.Deny, statement.Effect);
        Assert.Equal(ForbiddenActions.DataPlaneReads, statement.Action);
        Assert.All(ForbiddenExamples.DataPlaneActions, a => Assert.Equal(PolicyDecision.ExplicitlyDenied, Boundary.Evaluate(a)));
    }

    [Fact]
    public void Should_Deny_Every_Write_Verb_Of_Every_Service_When_Evaluated()
    {
        var notDenied = ForbiddenExamples.WriteActions.Concat(ForbiddenExamples.Dangerous)
            .Where(a => Boundary.Evaluate(a) != PolicyDecision.ExplicitlyDenied).ToList();
        Assert.True(notDenied.Count == 0, "not explicitly denied: " + string.Join(", ", notDenied));
    }

    [Fact]
    public void Should_Keep_The_Role_Read_Only_When_Administrator_Access_Is_Attached_Later()
    {
        // Given someone attaches AdministratorAccess (Allow * on *) to the role, the effective permission of an action is
        // the identity policy AND the boundary: only the listed reads remain.
        var administrator = new PolicyDocument([new PolicyStatement("Admin", PolicyEffect.Allow, ["*"])]);
        bool Effective(string action) =>
            administrator.Evaluate(action) == PolicyDecision.Allowed && Boundary.Evaluate(action) == PolicyDecision.Allowed;

        var candidates = ForbiddenExamples.WriteActions.Concat(ForbiddenExamples.Dangerous).Concat(ForbiddenExamples.DataPlaneActions)
            .Append("ec2:DescribeInstanceTypes").Append("s3:ListBucket").Append("iam:GetUser");
        Assert.DoesNotContain(candidates, Effective);
        Assert.All(ReadOnlyPolicy.Current.AllowedPatterns, a => Assert.True(Effective(a), a));
    }

    [Fact]
    public void Should_Use_Only_Patterns_Iam_Accepts_When_Generated()
    {
        // IAM rejects a wildcard service prefix (*:Create*) as MalformedPolicyDocument, so writes are denied through NotAction.
        var invalid = Boundary.Statement.SelectMany(s => s.Patterns).Where(p => !IamActionPattern.IsValid(p)).ToList();
        Assert.True(invalid.Count == 0, "invalid: " + string.Join(", ", invalid));
        var everythingElse = Assert.Single(Boundary.Statement, s => s.Sid == PermissionsBoundary.EverythingElseSid);
        Assert.Equal(ReadOnlyPolicy.Current.AllowedPatterns, everythingElse.NotAction);
    }

    [Fact]
    public void Should_Fit_A_Managed_Policy_When_Generated()
    {
        // IAM: a managed policy document may hold 6,144 characters, whitespace not counted.
        Assert.InRange(Boundary.IamSize, 1, 6_144);
    }
}
