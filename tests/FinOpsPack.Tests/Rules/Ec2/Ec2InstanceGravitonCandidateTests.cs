using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.Ec2;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.Ec2;

public sealed class Ec2InstanceGravitonCandidateTests
{
    private readonly Ec2InstanceGravitonCandidate _check = new();

    [Fact]
    public void Should_Name_The_Graviton_Counterpart_When_A_Linux_X86_Instance_Has_One()
    {
        var finding = CheckRun.Single(_check, Inventory() with { Ec2Instances = [Instance("i-1", "m5.xlarge", architecture: "x86_64")] });

        Assert.Equal("Migrate to m7g.xlarge", finding.Action);
        Assert.Null(finding.Savings.MonthlyAmount);
    }

    [Fact]
    public void Should_Not_Report_When_The_Instance_Is_Arm_Windows_Or_Without_Counterpart()
    {
        var inventory = Inventory() with
        {
            Ec2Instances =
            [
                Instance("i-arm", "m7g.large"),
                Instance("i-win", "m5.large", architecture: "x86_64", platform: "Windows"),
                Instance("i-gpu", "p3.2xlarge", architecture: "x86_64"),
            ],
        };

        Assert.Empty(CheckRun.Evaluate(_check, inventory).Findings);
    }

    [Fact]
    public void Should_Report_Not_Evaluated_When_The_Instance_Listing_Failed() =>
        CheckRun.AssertNotEvaluatedWithout(
            _check, Inventory() with { Ec2Instances = [Instance("i-1", "c5.large", architecture: "x86_64")] }, EvidenceNames.Ec2Instances);
}
