using FinOpsPack.Cli.Commands.Bench;
using FinOpsPack.SampleAccount.Dataset;

namespace FinOpsPack.Tests.Cli.Bench;

public sealed class ScanCallPlanTests
{
    private static readonly SampleDataset Small = SampleDataset.CreateScaled(DateTimeOffset.Parse("2026-06-15T10:00:00Z"), "x", ScaleProfile.Small);

    [Fact]
    public void Should_Model_Every_Collector_When_Planning_A_Scan()
    {
        // When the calls of a scan of the small scale account are planned
        var (_, notModelled) = ScanCallPlan.For(Small);

        // Then no collector is left out of the bound
        Assert.Empty(notModelled);
    }

    [Fact]
    public void Should_Page_Each_Listing_By_The_Smaller_Of_The_Operation_Maximum_And_The_Page_Cap_When_Planning()
    {
        // Given the small account (page cap 25): us-east-1's volumes
        var volumes = Small.EbsVolumes.Count(v => v.Region == "us-east-1");

        // When its calls are planned
        var (steps, _) = ScanCallPlan.For(Small);

        // Then its volumes take ceil(n / 25) pages in a row, after the region list
        var step = steps.Single(s => s.Name == "ebs.volumes@us-east-1");
        Assert.Equal((int)Math.Ceiling(volumes / 25.0), step.Sequential);
        Assert.Equal(["ec2.regions"], step.After);
        Assert.Equal((int)Math.Ceiling(Small.CohRecommendations.Count / 25.0), steps.Single(s => s.Name == "coh.recommendations").Sequential);
    }
}
