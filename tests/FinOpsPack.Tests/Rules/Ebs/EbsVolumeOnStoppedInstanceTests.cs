using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.Ebs;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.Ebs;

public sealed class EbsVolumeOnStoppedInstanceTests
{
    private readonly EbsVolumeOnStoppedInstance _check = new();

    private static Core.Inventory.AccountInventory Stopped(int? stoppedDaysAgo) => Inventory() with
    {
        Ec2Instances = [Instance("i-1", state: "stopped", stoppedDaysAgo: stoppedDaysAgo, volumeIds: ["vol-1"])],
        EbsVolumes = [Volume("vol-1", "gp2", 100, attachedTo: ["i-1"])],
    };

    [Fact]
    public void Should_Price_The_Volume_Less_A_Snapshot_When_The_Instance_Stopped_Long_Ago()
    {
        // 100 × 0.10 (gp2) − 100 × 0.05 (full-size snapshot kept instead)
        var finding = CheckRun.Single(_check, Stopped(45));

        Assert.Equal("vol-1", finding.ResourceId);
        Assert.Equal("i-1", finding.Evidence["instance_id"]);
        Assert.Equal(5.00m, finding.Savings.MonthlyAmount);
    }

    [Fact]
    public void Should_Not_Report_When_The_Instance_Stopped_Recently_Or_Runs()
    {
        Assert.Empty(CheckRun.Evaluate(_check, Stopped(10)).Findings);
        var running = Stopped(45) with { Ec2Instances = [Instance("i-1", volumeIds: ["vol-1"])] };
        Assert.Empty(CheckRun.Evaluate(_check, running).Findings);
    }

    [Fact]
    public void Should_Report_A_Gap_When_The_Stop_Time_Is_Unknown()
    {
        var (findings, gaps) = CheckRun.Evaluate(_check, Stopped(null));

        Assert.Empty(findings);
        Assert.Equal("i-1", Assert.Single(gaps).ResourceId);
    }

    [Fact]
    public void Should_Find_Volumes_By_Attachment_Or_Block_Device_In_The_Instance_Region_Once_Each()
    {
        var inventory = Inventory() with
        {
            Ec2Instances = [Instance("i-1", state: "stopped", stoppedDaysAgo: 45, volumeIds: ["vol-2", "vol-3"])],
            EbsVolumes =
            [
                Volume("vol-1", "gp2", 10, attachedTo: ["i-1"]),
                Volume("vol-2", "gp2", 20, attachedTo: ["i-1"]),
                Volume("vol-3", "gp2", 30),
                Volume("vol-4", "gp2", 40, attachedTo: ["i-9"]),
                Volume("vol-5", "gp2", 50, attachedTo: ["i-1"]) with { Region = "eu-west-1" },
            ],
        };

        var findings = CheckRun.Evaluate(_check, inventory).Findings;

        Assert.Equal(["vol-1", "vol-2", "vol-3"], findings.Select(f => f.ResourceId));
    }

    [Theory]
    [InlineData(EvidenceNames.Ec2Instances)]
    [InlineData(EvidenceNames.EbsVolumes)]
    public void Should_Report_Not_Evaluated_When_Evidence_Is_Missing(string collector) =>
        CheckRun.AssertNotEvaluatedWithout(_check, Stopped(45), collector);
}
