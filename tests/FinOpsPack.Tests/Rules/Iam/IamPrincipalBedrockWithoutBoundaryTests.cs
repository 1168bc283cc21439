using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.Iam;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.Iam;

public sealed class IamPrincipalBedrockWithoutBoundaryTests
{
    private readonly IamPrincipalBedrockWithoutBoundary _check = new();

    [Fact]
    public void Should_Report_A_Risk_Without_A_Dollar_Figure_When_No_Boundary_Is_Attached()
    {
        var finding = CheckRun.Single(_check, Inventory() with { IamPrincipals = [Principal("llm-app")] });

        Assert.Equal(SavingsSource.NotApplicable, finding.Savings.Source);
        Assert.Null(finding.Savings.MonthlyAmount);
        Assert.Equal(CheckCategory.Governance, finding.Category);
        Assert.Contains("bedrock:InvokeModel", finding.Evidence["bedrock_grants"], StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Not_Report_When_Bounded_Not_Bedrock_Capable_Or_Service_Linked()
    {
        var inventory = Inventory() with
        {
            IamPrincipals =
            [
                Principal("bounded", boundary: "arn:aws:iam::123456789012:policy/limit"),
                Principal("plain", bedrock: false),
                Principal("AWSServiceRoleForBedrock") with { Path = "/aws-service-role/bedrock.amazonaws.com/" },
            ],
        };

        Assert.Empty(CheckRun.Evaluate(_check, inventory).Findings);
    }

    [Fact]
    public void Should_Report_Not_Evaluated_When_Iam_Could_Not_Be_Read() =>
        CheckRun.AssertNotEvaluatedWithout(_check, Inventory() with { IamPrincipals = [Principal()] }, EvidenceNames.IamAuthorization);
}
