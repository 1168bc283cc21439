using FinOpsPack.Core.Collectors;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.Tests.SampleAccount.Dataset;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Collectors.CostExplorer;

/// <summary>Resource-level cost within its budget of billed pages: read whole, or left unknown, never half read.</summary>
public sealed class ResourceCostBudgetTests
{
    [Fact]
    public async Task Should_Leave_Resource_Costs_Unknown_And_Say_So_When_They_Need_More_Billed_Pages_Than_Allowed()
    {
        // Given running instances whose 14 days of rows need several pages (3 rows a page)
        var dataset = SampleAccountSession.NewDataset().WithKnownCompute();
        dataset.CostExplorerGroupsPerPage = 3;
        await using var session = await SampleAccountSession.StartAsync(dataset);

        // When resource-level cost may take one billed page
        var (inventory, outcomes) = await session.RunAsync(["ce.resource-costs"], new ScanSettings { ResourceLevelCostMaxRequests = 1 });

        // Then one page was paid for, no partial sums were kept, and the outcome tells why
        Assert.Equal(1, session.CostExplorerRequests);
        Assert.Null(inventory.Cost?.ResourceCosts);
        var outcome = Assert.Single(outcomes);
        Assert.Equal(CollectorStatus.Ok, outcome.Status);
        Assert.Contains(outcome.Notes, n => n.Contains("resource-level cost not read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Should_Read_Every_Page_When_The_Budget_Allows_It()
    {
        // Given the same rows over several pages
        var dataset = SampleAccountSession.NewDataset().WithKnownCompute();
        var running = dataset.Ec2Instances.Count(i => i.State == "running" && SampleCohRules.Ec2Hourly.ContainsKey(i.InstanceType));
        dataset.CostExplorerGroupsPerPage = 3;
        await using var session = await SampleAccountSession.StartAsync(dataset);
        var pages = (int)Math.Ceiling(running * 14 / 3.0);

        // When the budget covers them
        var (inventory, _) = await session.RunAsync(["ce.resource-costs"], new ScanSettings { ResourceLevelCostMaxRequests = pages });

        // Then every running instance has its cost, in exactly that many billed pages
        Assert.Equal(pages, session.CostExplorerRequests);
        Assert.Equal(running, inventory.Cost!.ResourceCosts!.Count);
    }
}
