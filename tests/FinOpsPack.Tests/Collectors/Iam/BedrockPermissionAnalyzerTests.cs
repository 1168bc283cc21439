using FinOpsPack.Core.Aws.Services.Iam;
using FinOpsPack.Core.Collectors.Iam;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Tests.Collectors.Iam;

public sealed class BedrockPermissionAnalyzerTests
{
    private const string Account = "123456789012";
    private const string Boundary = "arn:aws:iam::123456789012:policy/cap";

    private static string Allow(string action, string resource = "\"*\"", string extra = "") =>
        $$"""{"Effect":"Allow","Action":{{action}},"Resource":{{resource}}{{extra}}}""";

    private static string Doc(params string[] statements) => $$"""{"Version":"2012-10-17","Statement":[{{string.Join(",", statements)}}]}""";

    /// <summary>One inline policy on a role: is the role Bedrock-capable, and what does the grant say?</summary>
    public static TheoryData<string, string, bool, string?> InlineCases => new()
    {
        { "bedrock:* string", Doc(Allow("\"bedrock:*\"")), true, "inline:p allows bedrock:*" },
        { "Invoke* in an array", Doc(Allow("[\"logs:PutLogEvents\",\"bedrock:Invoke*\"]")), true, "inline:p allows bedrock:Invoke*" },
        { "exact action", Doc(Allow("\"bedrock:InvokeModel\"")), true, "inline:p allows bedrock:InvokeModel" },
        { "read-only bedrock action", Doc(Allow("\"bedrock:ListFoundationModels\"")), true, "inline:p allows bedrock:ListFoundationModels" },
        { "star", Doc(Allow("\"*\"")), true, "inline:p allows *" },
        { "star colon star", Doc(Allow("\"*:*\"")), true, "inline:p allows *:*" },
        { "wildcard in the middle of the action", Doc(Allow("\"bedrock:Invoke*Stream\"")), true, "inline:p allows bedrock:Invoke*Stream" },
        // IAM refuses a wildcard inside the service prefix today ("Vendor bed* is not valid"); the matcher does not rely on it.
        { "wildcard in the service prefix", Doc(Allow("\"bed*:Invoke*\"")), true, "inline:p allows bed*:Invoke*" },
        { "question mark", Doc(Allow("\"bedroc?:InvokeModel\"")), true, "inline:p allows bedroc?:InvokeModel" },
        { "upper case", Doc(Allow("\"BEDROCK:INVOKEMODEL\"")), true, "inline:p allows BEDROCK:INVOKEMODEL" },
        { "other service only", Doc(Allow("[\"s3:*\",\"ec2:Describe*\"]")), false, null },
        { "bedrock-agent is another prefix", Doc(Allow("\"bedrock-agent:*\"")), false, null },
        { "NotAction not excluding bedrock", Doc("""{"Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}"""), true, "inline:p allows NotAction [iam:*, organizations:*]" },
        { "NotAction as a string", Doc("""{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}"""), true, "inline:p allows NotAction [iam:*]" },
        { "NotAction excluding bedrock:*", Doc("""{"Effect":"Allow","NotAction":["bedrock:*","iam:*"],"Resource":"*"}"""), false, null },
        { "NotAction excluding only Invoke*", Doc("""{"Effect":"Allow","NotAction":"bedrock:Invoke*","Resource":"*"}"""), true, "inline:p allows NotAction [bedrock:Invoke*]" },
        { "NotAction excluding everything", Doc("""{"Effect":"Allow","NotAction":"*","Resource":"*"}"""), false, null },
        { "resource limited to models", Doc(Allow("\"bedrock:InvokeModel\"", "\"arn:aws:bedrock:us-east-1::foundation-model/anthropic.*\"")), true, "inline:p allows bedrock:InvokeModel on arn:aws:bedrock:us-east-1::foundation-model/anthropic.*" },
        { "star on an S3 resource only", Doc(Allow("\"*\"", "\"arn:aws:s3:::bucket/*\"")), false, null },
        { "NotResource leaving bedrock", Doc("""{"Effect":"Allow","Action":"bedrock:*","NotResource":"arn:aws:s3:::*"}"""), true, "inline:p allows bedrock:* on NotResource [arn:aws:s3:::*]" },
        { "conditional allow still grants", Doc(Allow("\"bedrock:*\"", "\"*\"", ",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}")), true, "inline:p allows bedrock:* (with condition)" },
        { "deny only", Doc("""{"Effect":"Deny","Action":"bedrock:*","Resource":"*"}"""), false, null },
        { "single statement object", """{"Statement":{"Effect":"Allow","Action":"bedrock:InvokeModel","Resource":"*"}}""", true, "inline:p allows bedrock:InvokeModel" },
        { "allow then blanket deny", Doc(Allow("\"bedrock:*\""), """{"Effect":"Deny","Action":"bedrock:*","Resource":"*"}"""), false, "inline:p allows bedrock:* (denied by inline:p)" },
        { "deny of a wider pattern", Doc(Allow("\"bedrock:InvokeModel\""), """{"Effect":"Deny","Action":"bedrock:Invoke*","Resource":"*"}"""), false, "inline:p allows bedrock:InvokeModel (denied by inline:p)" },
        { "deny narrower than the grant", Doc(Allow("\"bedrock:*\""), """{"Effect":"Deny","Action":"bedrock:InvokeModel","Resource":"*"}"""), true, "inline:p allows bedrock:*" },
        { "deny on one resource only", Doc(Allow("\"bedrock:*\""), """{"Effect":"Deny","Action":"bedrock:*","Resource":"arn:aws:bedrock:*::foundation-model/meta.*"}"""), true, "inline:p allows bedrock:*" },
        { "conditional deny", Doc(Allow("\"bedrock:*\""), """{"Effect":"Deny","Action":"bedrock:*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"us-east-1"}}}"""), true, "inline:p allows bedrock:*" },
        { "deny all with NotAction", Doc(Allow("\"*\""), """{"Effect":"Deny","NotAction":["s3:*","iam:*"],"Resource":"*"}"""), false, "inline:p allows * (denied by inline:p)" },
        { "deny NotAction keeping bedrock", Doc(Allow("\"*\""), """{"Effect":"Deny","NotAction":"bedrock:*","Resource":"*"}"""), true, "inline:p allows *" },
        { "star allow, bedrock deny", Doc(Allow("\"*\""), """{"Effect":"Deny","Action":"bedrock:*","Resource":"*"}"""), false, "inline:p allows * (denied by inline:p)" },
        { "empty policy", """{"Version":"2012-10-17","Statement":[]}""", false, null },
    };

    [Theory]
    [MemberData(nameof(InlineCases))]
    public void Should_Judge_Bedrock_Capability_When_A_Role_Has_One_Inline_Policy(string name, string document, bool capable, string? grant)
    {
        // Given
        var role = Role("r", inline: [new InlinePolicy("p", PolicyDocument.Parse(document))]);

        // When
        var principal = BedrockPermissionAnalyzer.Analyze(Account, [role], [], [], []).Principals.Single();

        // Then
        Assert.True(capable == principal.BedrockCapable, name);
        Assert.Equal(grant is null ? [] : [grant], principal.BedrockGrants);
    }

    [Fact]
    public void Should_Read_The_Default_Version_When_A_Managed_Policy_Has_Several()
    {
        // Given v1 (old) allowed bedrock:*, v2 (default) does not; and a second policy whose default is v1
        var changed = Managed("changed", "v2", ("v1", Doc(Allow("\"bedrock:*\""))), ("v2", Doc(Allow("\"s3:GetObject\""))));
        var kept = Managed("kept", "v1", ("v1", Doc(Allow("\"bedrock:InvokeModel\""))), ("v2", Doc(Allow("\"s3:GetObject\""))));

        // When
        var result = BedrockPermissionAnalyzer.Analyze(Account,
            [Role("a", managed: [changed.Arn]), Role("b", managed: [kept.Arn])], [], [], [changed, kept]);

        // Then
        Assert.False(result.Principals[0].BedrockCapable);
        Assert.True(result.Principals[1].BedrockCapable);
        Assert.Equal(["managed:kept allows bedrock:InvokeModel"], result.Principals[1].BedrockGrants);
    }

    [Fact]
    public void Should_Follow_Group_Policies_When_Judging_A_User()
    {
        // Given a user whose only Bedrock grant is through a group's attached policy, another through a group's inline one
        var full = Managed("AmazonBedrockFullAccess", "v1", ("v1", Doc(Allow("[\"bedrock:*\"]"))), aws: true);
        var scientists = new GroupDetail("scientists", "arn:aws:iam::123456789012:group/scientists", "/", null, null, [],
            [new AttachedPolicy("AmazonBedrockFullAccess", full.Arn)]);
        var ops = new GroupDetail("ops", "arn:aws:iam::123456789012:group/ops", "/", null, null,
            [new InlinePolicy("ops-all", PolicyDocument.Parse("""{"Statement":[{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}]}"""))], []);

        // When
        var result = BedrockPermissionAnalyzer.Analyze(Account, [],
            [User("alice", groups: ["scientists"]), User("carol", groups: ["ops"], boundary: Boundary), User("dave", groups: ["ghosts"])],
            [scientists, ops], [full]);

        // Then
        var (alice, carol, dave) = (result.Principals[0], result.Principals[1], result.Principals[2]);
        Assert.Equal(["group:scientists/managed:AmazonBedrockFullAccess allows bedrock:*"], alice.BedrockGrants);
        Assert.Null(alice.PermissionsBoundaryArn);
        Assert.Equal(["group:ops/inline:ops-all allows NotAction [iam:*]"], carol.BedrockGrants);
        Assert.Equal(Boundary, carol.PermissionsBoundaryArn);
        Assert.False(dave.BedrockCapable);
        Assert.Equal(["ghosts"], result.UnknownGroups);
        Assert.All(result.Principals, p => Assert.Equal(PrincipalKind.User, p.Kind));
    }

    [Fact]
    public void Should_Let_A_Deny_In_A_Group_Void_A_Grant_Attached_To_The_User()
    {
        var full = Managed("AmazonBedrockFullAccess", "v1", ("v1", Doc(Allow("\"bedrock:*\""))), aws: true);
        var denied = new GroupDetail("no-genai", "arn:aws:iam::123456789012:group/no-genai", "/", null, null,
            [new InlinePolicy("deny", PolicyDocument.Parse(Doc("""{"Effect":"Deny","Action":"bedrock:*","Resource":"*"}""")))], []);

        var erin = BedrockPermissionAnalyzer.Analyze(Account, [], [User("erin", managed: [full.Arn], groups: ["no-genai"])], [denied], [full])
            .Principals.Single();

        Assert.False(erin.BedrockCapable);
        Assert.Equal(["managed:AmazonBedrockFullAccess allows bedrock:* (denied by group:no-genai/inline:deny)"], erin.BedrockGrants);
    }

    [Fact]
    public void Should_Count_A_Service_Linked_Role_Like_Any_Other_When_Computing_The_Kpi()
    {
        // Given a bounded role, an unbounded one, and a service-linked one (service-linked roles cannot take a boundary)
        var doc = PolicyDocument.Parse(Doc(Allow("\"bedrock:InvokeModel\"")));
        var roles = new[]
        {
            Role("bounded", inline: [new InlinePolicy("p", doc)], boundary: Boundary),
            Role("open", inline: [new InlinePolicy("p", doc)]),
            Role("AWSServiceRoleForSomething", path: "/aws-service-role/bedrock.amazonaws.com/", inline: [new InlinePolicy("p", doc)]),
            Role("unrelated", inline: [new InlinePolicy("p", PolicyDocument.Parse(Doc(Allow("\"s3:*\""))))], boundary: Boundary),
        };

        // When
        var result = BedrockPermissionAnalyzer.Analyze(Account, roles, [], [], []);

        // Then
        Assert.Equal(new BedrockGovernance(3, 1, 0.3333m), result.Governance);
        Assert.Equal("/aws-service-role/bedrock.amazonaws.com/", result.Principals[2].Path);
        Assert.True(result.Principals[2].BedrockCapable);
    }

    [Fact]
    public void Should_Give_No_Kpi_When_No_Identity_Can_Use_Bedrock()
    {
        var result = BedrockPermissionAnalyzer.Analyze(Account, [Role("r")], [User("u")], [], []);

        Assert.Equal(new BedrockGovernance(0, 0, null), result.Governance);
    }

    [Fact]
    public void Should_Report_Unresolved_Policies_When_An_Attached_Policy_Is_Missing_From_The_Details()
    {
        var result = BedrockPermissionAnalyzer.Analyze(Account, [Role("r", managed: ["arn:aws:iam::aws:policy/Missing"])], [], [], []);

        Assert.Equal(["arn:aws:iam::aws:policy/Missing"], result.UnresolvedPolicyArns);
        Assert.False(result.Principals.Single().BedrockCapable);
    }

    [Fact]
    public void Should_List_Every_Source_When_Several_Policies_Grant_Bedrock()
    {
        var admin = Managed("AdministratorAccess", "v1", ("v1", Doc(Allow("\"*\""))), aws: true);
        var role = Role("r", managed: [admin.Arn], inline: [new InlinePolicy("llm", PolicyDocument.Parse(Doc(Allow("\"bedrock:InvokeModel\""), Allow("\"bedrock:Converse\""))))]);

        var principal = BedrockPermissionAnalyzer.Analyze(Account, [role], [], [], [admin]).Principals.Single();

        Assert.Equal(["inline:llm allows bedrock:InvokeModel", "inline:llm allows bedrock:Converse", "managed:AdministratorAccess allows *"], principal.BedrockGrants);
        Assert.Equal("arn:aws:iam::123456789012:role/r", principal.Arn);
        Assert.Equal(Account, principal.AccountId);
    }

    private static RoleDetail Role(string name, string path = "/", IReadOnlyList<InlinePolicy>? inline = null, IReadOnlyList<string>? managed = null, string? boundary = null) =>
        new(name, $"arn:aws:iam::{Account}:role{path}{name}", path, null, null, null, inline ?? [],
            [.. (managed ?? []).Select(a => new AttachedPolicy(null, a))],
            boundary is null ? null : new AttachedPermissionsBoundary("PermissionsBoundaryPolicy", boundary), new Dictionary<string, string>(), null);

    private static UserDetail User(string name, IReadOnlyList<string>? groups = null, IReadOnlyList<string>? managed = null, string? boundary = null) =>
        new(name, $"arn:aws:iam::{Account}:user/{name}", "/", null, null, [], groups ?? [],
            [.. (managed ?? []).Select(a => new AttachedPolicy(null, a))],
            boundary is null ? null : new AttachedPermissionsBoundary("PermissionsBoundaryPolicy", boundary), new Dictionary<string, string>());

    private static ManagedPolicyDetail Managed(string name, string defaultVersion, params (string Id, string Doc)[] versions) =>
        Managed(name, defaultVersion, versions, aws: false);

    private static ManagedPolicyDetail Managed(string name, string defaultVersion, (string Id, string Doc) version, bool aws) =>
        Managed(name, defaultVersion, [version], aws);

    private static ManagedPolicyDetail Managed(string name, string defaultVersion, (string Id, string Doc)[] versions, bool aws) =>
        new(name, aws ? $"arn:aws:iam::aws:policy/{name}" : $"arn:aws:iam::{Account}:policy/{name}", "/", null, defaultVersion, 1, 0, true, null, null, null,
            [.. versions.Select(v => new PolicyVersion(v.Id, v.Id == defaultVersion, null, PolicyDocument.Parse(v.Doc)))]);
}
