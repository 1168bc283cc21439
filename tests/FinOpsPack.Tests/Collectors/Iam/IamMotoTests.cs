using System.Text.Json;
using FinOpsPack.Core.Aws.Services.Iam;
using FinOpsPack.Core.Collectors.Iam;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Collectors.Iam;

/// <summary>
/// IAM against moto: roles, users, groups and customer managed policies seeded with boto3 come back through
/// GetAccountAuthorizationDetails with their documents decoded, their boundaries, and the Bedrock verdict they deserve.
/// moto answers GetAccountAuthorizationDetails in one page whatever MaxItems says (IsTruncated is always false), so IAM
/// paging is proven against the sample account, not here. moto does not load AWS managed policies by default, so only
/// customer managed ones are attached. moto 5.2 keeps no permissions boundary on users (CreateUser drops it and
/// PutUserPermissionsBoundary fails), so boundaries are seeded on roles only; user boundaries are proven against the sample account.
/// </summary>
public sealed class IamMotoTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string Seed = """
        import boto3, json
        iam = boto3.client("iam")
        def doc(*statements): return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})
        trust = doc({"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"})
        docs = {
          "bedrock-full": doc({"Effect": "Allow", "Action": "bedrock:*", "Resource": "*"}),
          "boundary": doc({"Effect": "Allow", "Action": ["bedrock:InvokeModel", "s3:*"], "Resource": "*"}),
          "pipeline-v1": doc({"Effect": "Allow", "Action": ["s3:*", "bedrock:*"], "Resource": "*"}),
          "pipeline-v2": doc({"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}),
          "not-iam": doc({"Effect": "Allow", "NotAction": ["iam:*"], "Resource": "*"}),
          "invoke": doc({"Effect": "Allow", "Action": ["logs:PutLogEvents", "bedrock:Invoke*Model*"], "Resource": "*"}),
          "deny": doc({"Effect": "Deny", "Action": "bedrock:*", "Resource": "*"}),
          "s3": doc({"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"}),
        }
        arn = {}
        for name in ("bedrock-full", "boundary", "s3"):
            arn[name] = iam.create_policy(PolicyName=name, Path="/finops/", PolicyDocument=docs[name], Description=f"<b>{name}</b>")["Policy"]["Arn"]
        arn["pipeline"] = iam.create_policy(PolicyName="pipeline", PolicyDocument=docs["pipeline-v1"])["Policy"]["Arn"]
        iam.create_policy_version(PolicyArn=arn["pipeline"], PolicyDocument=docs["pipeline-v2"], SetAsDefault=True)

        def role(name, path="/", boundary=None, managed=(), inline=()):
            kw = {"PermissionsBoundary": arn[boundary]} if boundary else {}
            iam.create_role(RoleName=name, Path=path, AssumeRolePolicyDocument=trust, **kw)
            for m in managed: iam.attach_role_policy(RoleName=name, PolicyArn=arn[m])
            for n in inline: iam.put_role_policy(RoleName=name, PolicyName=n, PolicyDocument=docs[n])
        def user(name, boundary=None, managed=(), inline=(), groups=()):
            kw = {"PermissionsBoundary": arn[boundary]} if boundary else {}
            iam.create_user(UserName=name, **kw)
            for m in managed: iam.attach_user_policy(UserName=name, PolicyArn=arn[m])
            for n in inline: iam.put_user_policy(UserName=name, PolicyName=n, PolicyDocument=docs[n])
            for g in groups: iam.add_user_to_group(GroupName=g, UserName=name)
        iam.create_group(GroupName="scientists"); iam.attach_group_policy(GroupName="scientists", PolicyArn=arn["bedrock-full"])
        iam.create_group(GroupName="ops"); iam.put_group_policy(GroupName="ops", PolicyName="not-iam", PolicyDocument=docs["not-iam"])
        iam.create_group(GroupName="auditors"); iam.attach_group_policy(GroupName="auditors", PolicyArn=arn["s3"])

        role("genai-role", path="/app/", boundary="boundary", managed=["bedrock-full"])
        role("chatbot-role", inline=["invoke"])
        role("pipeline-role", managed=["pipeline"])
        role("ops-role", boundary="boundary", inline=["not-iam"])
        for i in range(12): role(f"plain-role-{i:02d}", managed=["s3"])
        user("alice", groups=["scientists"])
        user("bob", groups=["ops"])
        user("erin", managed=["bedrock-full"], inline=["deny"])
        user("dave", groups=["auditors"])
        print(json.dumps({"docs": docs, "arn": arn}))
        """;

    [MotoFact]
    public async Task Should_Return_Every_Identity_With_Decoded_Documents_And_Boundaries_When_Reading_Moto()
    {
        // Given
        Assert.True(moto.Available, moto.Reason);
        using var seeded = JsonDocument.Parse(moto.RunPython(Seed));
        var docs = seeded.RootElement.GetProperty("docs");
        var arns = seeded.RootElement.GetProperty("arn");
        using var transport = new QueryMotoTransport(moto);
        var inventory = new InventoryBuilder(QueryMotoTransport.MotoAccountId);

        // When the collector runs (asking for pages of 5), and the client reads the raw details
        await new IamAuthorizationCollector { MaxItems = 5 }.CollectAsync(transport.Context(null, inventory), default);
        var pages = await new IamClient(transport.Transport, "eu-west-1").GetAccountAuthorizationDetailsAsync(null, 5).ToListAsync();

        // Then the documents decode to exactly the JSON boto3 sent
        var roles = pages.SelectMany(p => p.RoleDetailList).ToList();
        var users = pages.SelectMany(p => p.UserDetailList).ToList();
        var policies = pages.SelectMany(p => p.Policies).ToList();
        Assert.Equal(docs.GetProperty("invoke").GetString(), roles.Single(r => r.RoleName == "chatbot-role").RolePolicyList.Single().PolicyDocument.Json);
        Assert.Equal(docs.GetProperty("deny").GetString(), users.Single(u => u.UserName == "erin").UserPolicyList.Single().PolicyDocument.Json);
        Assert.Equal(docs.GetProperty("not-iam").GetString(), pages.SelectMany(p => p.GroupDetailList).Single(g => g.GroupName == "ops").GroupPolicyList.Single().PolicyDocument.Json);
        var pipeline = policies.Single(p => p.Arn == arns.GetProperty("pipeline").GetString());
        Assert.Equal(docs.GetProperty("pipeline-v2").GetString(), pipeline.DefaultDocument!.Json);
        Assert.Equal([docs.GetProperty("pipeline-v1").GetString(), docs.GetProperty("pipeline-v2").GetString()],
            pipeline.PolicyVersionList.OrderBy(v => v.VersionId, StringComparer.Ordinal).Select(v => v.Document!.Json));
        Assert.Equal("<b>s3</b>", policies.Single(p => p.PolicyName == "s3").Description);
        Assert.Equal("/finops/", policies.Single(p => p.PolicyName == "s3").Path);
        Assert.Equal(["ops"], users.Single(u => u.UserName == "bob").GroupList);

        // and every identity comes back once, with its path, boundary and Bedrock verdict
        var principals = inventory.Build().IamPrincipals;
        Assert.Equal(16 + 4, principals.Count);
        var boundary = arns.GetProperty("boundary").GetString();
        var expected = new Dictionary<string, (bool Capable, string? Boundary, string Grants)>
        {
            ["genai-role"] = (true, boundary, "managed:bedrock-full allows bedrock:*"),
            ["chatbot-role"] = (true, null, "inline:invoke allows bedrock:Invoke*Model*"),
            ["pipeline-role"] = (false, null, ""),
            ["ops-role"] = (true, boundary, "inline:not-iam allows NotAction [iam:*]"),
            ["alice"] = (true, null, "group:scientists/managed:bedrock-full allows bedrock:*"),
            ["bob"] = (true, null, "group:ops/inline:not-iam allows NotAction [iam:*]"),
            ["erin"] = (false, null, "managed:bedrock-full allows bedrock:* (denied by inline:deny)"),
            ["dave"] = (false, null, ""),
        };
        foreach (var (name, (capable, bound, grants)) in expected)
        {
            var p = principals.Single(x => x.Name == name);
            Assert.True(capable == p.BedrockCapable, name);
            Assert.Equal(bound, p.PermissionsBoundaryArn);
            Assert.Equal(grants, string.Join("; ", p.BedrockGrants));
        }

        Assert.Equal("/app/", principals.Single(p => p.Name == "genai-role").Path);
        Assert.Equal("arn:aws:iam::123456789012:role/app/genai-role", principals.Single(p => p.Name == "genai-role").Arn);
        Assert.All(principals.Where(p => p.Name.StartsWith("plain-role-", StringComparison.Ordinal)), p => Assert.False(p.BedrockCapable));
        Assert.Equal(new BedrockGovernance(5, 2, 0.4m), inventory.Build().BedrockGovernance);
        Assert.All(transport.Records.Where(r => r.Action == "iam:GetAccountAuthorizationDetails"), r => Assert.Equal(200, r.HttpStatus));
    }
}
