using FinOpsPack.Core.Collectors.Iam;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Tests.SampleAccount;

namespace FinOpsPack.Tests.Collectors.Iam;

public sealed class IamAuthorizationCollectorTests
{
    [Fact]
    public async Task Should_Conclude_What_The_Dataset_Expects_For_Every_Role_And_User_When_Reading_All_Pages()
    {
        // Given the sample account (28 items, at most 3 a page)
        var account = InProcessSampleAccount.Create();
        var context = account.Context(null);

        // When
        await new IamAuthorizationCollector().CollectAsync(context, default);

        // Then every page was read, and each principal's verdict and boundary match the dataset's answer key
        var dataset = account.Dataset;
        var items = dataset.IamUsers.Count + dataset.IamGroups.Count + dataset.IamRoles.Count + dataset.IamPolicies.Count;
        Assert.Equal((items + dataset.MaxPageSize - 1) / dataset.MaxPageSize, account.CallsTo("GetAccountAuthorizationDetails"));
        Assert.All(account.Calls, c => Assert.Equal("us-east-1", c.Request.EffectiveRegion));
        var built = context.Inventory.Build();
        Assert.Equal(dataset.IamRoles.Count + dataset.IamUsers.Count, built.IamPrincipals.Count);
        foreach (var role in dataset.IamRoles)
        {
            var p = built.IamPrincipals.Single(x => x.Kind == PrincipalKind.Role && x.Name == role.Name);
            Assert.True(role.BedrockExpected == p.BedrockCapable, $"{role.Name}: {string.Join("; ", p.BedrockGrants)}");
            Assert.Equal(role.BoundaryArn, p.PermissionsBoundaryArn);
            Assert.Equal($"arn:aws:iam::{dataset.AccountId}:role{role.Path}{role.Name}", p.Arn);
        }

        foreach (var user in dataset.IamUsers)
        {
            var p = built.IamPrincipals.Single(x => x.Kind == PrincipalKind.User && x.Name == user.Name);
            Assert.True(user.BedrockExpected == p.BedrockCapable, $"{user.Name}: {string.Join("; ", p.BedrockGrants)}");
            Assert.Equal(user.BoundaryArn, p.PermissionsBoundaryArn);
        }

        Assert.Equal(new BedrockGovernance(11, 4, 0.3636m), built.BedrockGovernance);
        Assert.Empty(context.Notes);
    }

    [Fact]
    public async Task Should_Name_Each_Grant_Source_When_Grants_Come_In_Every_Form()
    {
        var account = InProcessSampleAccount.Create();
        var context = account.Context(null);

        await new IamAuthorizationCollector().CollectAsync(context, default);

        var grants = context.Inventory.Build().IamPrincipals.ToDictionary(p => p.Name, p => p.BedrockGrants);
        Assert.Equal(["inline:llm-access allows bedrock:InvokeModel"], grants["genai-app-role"]);
        Assert.Equal(["managed:AmazonBedrockFullAccess allows bedrock:*"], grants["ml-experiments-role"]);
        Assert.Equal(["inline:chatbot allows BEDROCK:invoke*"], grants["chatbot-lambda-role"]);
        Assert.Equal(["managed:batch-inference-access allows bedrock:Invoke*Model*"], grants["batch-inference-role"]);
        Assert.Equal(["managed:AdministratorAccess allows *"], grants["platform-admin-role"]);
        Assert.Equal(["managed:ops-not-iam allows NotAction [iam:*, organizations:*]"], grants["ops-automation-role"]);
        Assert.Empty(grants["ops-restricted-role"]);
        Assert.Empty(grants["data-pipeline-role"]);
        Assert.Equal(["group:data-scientists/managed:AmazonBedrockFullAccess allows bedrock:*"], grants["alice"]);
        Assert.Equal(["group:ops/inline:ops-everything-but-iam allows NotAction [iam:*]"], grants["carol"]);
        Assert.Equal(["inline:deploy allows *:*"], grants["ci-deployer"]);
        Assert.Equal(["managed:AmazonBedrockFullAccess allows bedrock:* (denied by inline:no-bedrock)"], grants["erin"]);
        Assert.Equal(["managed:AmazonBedrockSampleServiceRolePolicy allows bedrock:InvokeModel on arn:aws:bedrock:*::foundation-model/*"],
            grants["AWSServiceRoleForAmazonBedrockSample"]);
    }

    [Fact]
    public async Task Should_Keep_Markup_Verbatim_When_A_Path_Carries_An_Xss_String()
    {
        var account = InProcessSampleAccount.Create();
        var context = account.Context(null);

        await new IamAuthorizationCollector().CollectAsync(context, default);

        // The collector records data as it is; escaping is the report's job.
        var chatbot = context.Inventory.Build().IamPrincipals.Single(p => p.Name == "chatbot-lambda-role");
        Assert.Equal("/\"><script>alert('xss')</script>/", chatbot.Path);
        Assert.Contains("<script>", chatbot.Arn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Ask_For_Small_Pages_When_Told_And_Still_Get_Everything()
    {
        var account = InProcessSampleAccount.Create();
        var context = account.Context(null);

        await new IamAuthorizationCollector { MaxItems = 2 }.CollectAsync(context, default);

        Assert.All(account.Calls, c => Assert.Equal("2", c.Form["MaxItems"]));
        Assert.Equal(14, account.CallsTo("GetAccountAuthorizationDetails"));
        Assert.Equal(15, context.Inventory.Build().IamPrincipals.Count);
    }
}
