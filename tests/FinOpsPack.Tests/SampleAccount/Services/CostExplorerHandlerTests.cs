using System.Globalization;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Services.CostExplorer;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.Tests.SampleAccount.Dataset;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.SampleAccount.Services;

public sealed class CostExplorerHandlerTests
{
    private static readonly GroupDefinition Service = new("DIMENSION", "SERVICE");
    private static readonly GroupDefinition Account = new("DIMENSION", "LINKED_ACCOUNT");

    [Fact]
    public async Task Should_Give_The_Same_Figures_Over_Many_Pages_As_In_One()
    {
        // Given 13 months by service and account
        await using var session = await SampleAccountSession.StartAsync();
        var client = new CostExplorerClient(session.Transport, "us-east-1");
        var request = new GetCostAndUsageRequest(new DateInterval("2025-03-01", "2026-03-18"), "MONTHLY", ["UnblendedCost", "AmortizedCost"], [Service, Account]);

        // When it is read in one page, then with 7 groups per page
        var whole = Sums(await client.GetCostAndUsageAsync(request, CancellationToken.None).ToListAsync());
        session.Dataset.CostExplorerGroupsPerPage = 7;
        session.Audit.Clear();
        var paged = Sums(await client.GetCostAndUsageAsync(request, CancellationToken.None).ToListAsync());

        // Then the same groups and amounts arrive, over many pages
        Assert.Equal(whole, paged);
        Assert.Equal((int)Math.Ceiling(whole.Count / 7.0), session.Calls("ce:GetCostAndUsage"));
        Assert.True(session.Calls("ce:GetCostAndUsage") > 20);
    }

    [Fact]
    public async Task Should_Accept_Region_As_A_Group_By_And_Refuse_Resource_Id_As_AWS_Does()
    {
        // Given the sample account
        await using var session = await SampleAccountSession.StartAsync();
        var client = new CostExplorerClient(session.Transport, "us-east-1");
        var period = new DateInterval("2026-02-01", "2026-03-01");

        // When cost is grouped by REGION, and by RESOURCE_ID (only the resource-level operation takes that)
        var byRegion = await client.GetCostAndUsageAsync(
            new GetCostAndUsageRequest(period, "MONTHLY", ["UnblendedCost"], [new GroupDefinition("DIMENSION", "REGION")]), CancellationToken.None).ToListAsync();
        var refused = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetCostAndUsageAsync(
            new GetCostAndUsageRequest(period, "MONTHLY", ["UnblendedCost"], [new GroupDefinition("DIMENSION", "RESOURCE_ID")]), CancellationToken.None).ToListAsync().AsTask());

        // Then regions (and the "NoRegion" of tax) are the keys; RESOURCE_ID is refused with the service's own list
        Assert.Equal(["NoRegion", "eu-west-1", "us-east-1"], byRegion.Single().Groups!.Select(g => g.Keys![0]).Order(StringComparer.Ordinal));
        Assert.Equal("ValidationException", refused.ErrorCode);
        Assert.Contains("REGION", refused.AwsMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Page_Coverage_And_Anomalies_By_MaxResults()
    {
        // Given 30 days
        await using var session = await SampleAccountSession.StartAsync();
        var client = new CostExplorerClient(session.Transport, "us-east-1");
        var days = new DateInterval("2026-02-01", "2026-03-03");

        // When daily coverage and anomalies (one per page) are read
        var sp = await client.GetSavingsPlansCoverageAsync(new GetSavingsPlansCoverageRequest(days, "DAILY", 20), CancellationToken.None).ToListAsync();
        var ri = await client.GetReservationCoverageAsync(new GetReservationCoverageRequest(days, "DAILY", 20), CancellationToken.None).ToListAsync();
        var anomalies = await client.GetAnomaliesAsync(
            new GetAnomaliesRequest(new AnomalyDateInterval("2025-12-18", "2026-03-18"), 1), CancellationToken.None).ToListAsync();

        // Then every day and both anomalies arrive, in pages of at most three (one for anomalies)
        Assert.Equal(30, sp.Count);
        Assert.Equal(30, ri.Count);
        Assert.Equal(10, session.Calls("ce:GetSavingsPlansCoverage"));
        Assert.Equal(10, session.Calls("ce:GetReservationCoverage"));
        Assert.Equal(session.Dataset.CostSpikes.Select(s => s.AnomalyId).Order(), anomalies.Select(a => a.AnomalyId).Order());
        Assert.Equal(2, session.Calls("ce:GetAnomalies"));
        Assert.All(sp, c => Assert.Equal("35", c.Coverage!.CoveragePercentage));
    }

    [Fact]
    public async Task Should_Page_Resource_Level_Cost_Of_Running_Instances_Within_14_Days()
    {
        // Given four running instances with list prices, and 2 groups per page
        var dataset = SampleAccountSession.NewDataset().WithKnownCompute();
        dataset.CostExplorerGroupsPerPage = 2;
        await using var session = await SampleAccountSession.StartAsync(dataset);
        var request = new GetCostAndUsageRequest(new DateInterval("2026-03-04", "2026-03-18"), "DAILY", ["UnblendedCost"],
            [new GroupDefinition("DIMENSION", "RESOURCE_ID")],
            new Expression(new DimensionValues("SERVICE", ["Amazon Elastic Compute Cloud - Compute"])));

        // When resource-level cost is read
        var results = await new CostExplorerClient(session.Transport, "us-east-1").GetCostAndUsageWithResourcesAsync(request, CancellationToken.None).ToListAsync();

        // Then each running instance costs its list price for 14 days; the stopped one nothing; 28 pages of 2
        var perInstance = results.SelectMany(r => r.Groups!).GroupBy(g => g.Keys![0])
            .ToDictionary(g => g.Key, g => g.Sum(x => decimal.Parse(x.Metrics!["UnblendedCost"].Amount!, CultureInfo.InvariantCulture)));
        var expected = dataset.Ec2Instances.Where(i => i.State == "running").ToDictionary(
            i => i.InstanceId,
            i => 14 * Math.Round(SampleCohRules.Ec2Hourly[i.InstanceType] * 24m * SampleCohRules.RegionFactor(i.Region), 4));
        Assert.Equal(expected.OrderBy(e => e.Key), perInstance.OrderBy(e => e.Key));
        Assert.Equal(28, session.Calls("ce:GetCostAndUsageWithResources"));
    }

    [Fact]
    public async Task Should_Refuse_Resource_Level_Cost_Older_Than_14_Days_Or_Not_Opted_In()
    {
        // Given the sample account
        var dataset = SampleAccountSession.NewDataset();
        await using var session = await SampleAccountSession.StartAsync(dataset);
        var client = new CostExplorerClient(session.Transport, "us-east-1");
        var filter = new Expression(new DimensionValues("SERVICE", ["Amazon Elastic Compute Cloud - Compute"]));
        GetCostAndUsageRequest Request(string start) =>
            new(new DateInterval(start, "2026-03-18"), "DAILY", ["UnblendedCost"], [new GroupDefinition("DIMENSION", "RESOURCE_ID")], filter);

        // When 15 days are asked for, and then 14 days after the opt-in is withdrawn
        var tooOld = await Assert.ThrowsAsync<AwsServiceException>(
            () => client.GetCostAndUsageWithResourcesAsync(Request("2026-03-03"), CancellationToken.None).ToListAsync().AsTask());
        dataset.ResourceLevelCostEnabled = false;
        var off = await Assert.ThrowsAsync<AwsServiceException>(
            () => client.GetCostAndUsageWithResourcesAsync(Request("2026-03-04"), CancellationToken.None).ToListAsync().AsTask());

        // Then both are refused, as AWS refuses them
        Assert.Equal("ValidationException", tooOld.ErrorCode);
        Assert.Equal("DataUnavailableException", off.ErrorCode);
    }

    private static SortedDictionary<string, (decimal Unblended, decimal Amortized)> Sums(IEnumerable<ResultByTime> results)
    {
        var sums = new SortedDictionary<string, (decimal, decimal)>(StringComparer.Ordinal);
        foreach (var r in results)
        {
            foreach (var g in r.Groups!)
            {
                var key = r.TimePeriod.Start + "|" + string.Join('|', g.Keys!);
                var u = decimal.Parse(g.Metrics!["UnblendedCost"].Amount!, CultureInfo.InvariantCulture);
                var a = decimal.Parse(g.Metrics!["AmortizedCost"].Amount!, CultureInfo.InvariantCulture);
                sums[key] = sums.TryGetValue(key, out var s) ? (s.Item1 + u, s.Item2 + a) : (u, a);
            }
        }

        return sums;
    }
}
