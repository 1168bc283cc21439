using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.Ec2;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.Ec2;

public sealed class Ec2InstancePreviousGenerationTests
{
    private readonly Ec2InstancePreviousGeneration _check = new();

    [Fact]
    public void Should_Report_With_Unknown_Savings_When_A_Running_Instance_Is_Previous_Generation()
    {
        var finding = CheckRun.Single(_check, Inventory() with { Ec2Instances = [Instance("i-1", "m3.large", architecture: "x86_64")] });

        Assert.Equal("m3.large", finding.Evidence["instance_type"]);
        Assert.Null(finding.Savings.MonthlyAmount);
        Assert.Equal(SavingsSource.Unknown, finding.Savings.Source);
    }

    [Fact]
    public void Should_Not_Report_When_The_Instance_Is_Current_Or_Stopped()
    {
        var inventory = Inventory() with
        {
            Ec2Instances = [Instance("i-1", "m7g.large"), Instance("i-2", "m3.large", state: "stopped", stoppedDaysAgo: 3)],
        };

        Assert.Empty(CheckRun.Evaluate(_check, inventory).Findings);
    }

    [Fact]
    public void Should_Follow_The_Settings_When_Families_Are_Configured()
    {
        var settings = CheckSettings.Parse("""{"ec2_instance_previous_generation.families": ["m7g"]}""");

        Assert.Single(CheckRun.Evaluate(_check, Inventory() with { Ec2Instances = [Instance("i-1", "m7g.large")] }, settings).Findings);
    }

    [Fact]
    public void Should_Report_Not_Evaluated_When_The_Instance_Listing_Failed() =>
        CheckRun.AssertNotEvaluatedWithout(_check, Inventory() with { Ec2Instances = [Instance("i-1", "m3.large")] }, EvidenceNames.Ec2Instances);
}
