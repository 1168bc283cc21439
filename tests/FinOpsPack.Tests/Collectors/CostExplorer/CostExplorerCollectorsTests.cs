using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Collectors.CostExplorer;
using FinOpsPack.Core.Inventory;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.Tests.SampleAccount.Dataset;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Collectors.CostExplorer;

/// <summary>The five Cost Explorer collectors together against the sample account: the baseline, and its bill.</summary>
public sealed class CostExplorerCollectorsTests
{
    public static readonly IReadOnlyList<string> All = ["ce.spend", "ce.forecast", "ce.coverage", "ce.anomalies", "ce.resource-costs"];

    [Fact]
    public async Task Should_Build_The_Whole_Baseline_In_At_Most_8_Billed_Requests_When_Every_Collector_Runs()
    {
        // Given the sample account with running instances
        await using var session = await SampleAccountSession.StartAsync(SampleAccountSession.NewDataset().WithKnownCompute());

        // When every Cost Explorer collector runs
        var (inventory, outcomes) = await session.RunAsync(All);

        // Then all are ok, each filled its part, and Cost Explorer billed 8 requests (one per query)
        Assert.All(outcomes, o => Assert.Equal(CollectorStatus.Ok, o.Status));
        var cost = inventory.Cost!;
        Assert.Equal("USD", cost.Currency);
        Assert.Equal(["UnblendedCost", "AmortizedCost"], cost.Metrics);
        Assert.NotEmpty(cost.MonthlyByService);
        Assert.NotEmpty(cost.MonthlyByAccount);
        Assert.NotEmpty(cost.MonthlyByRegion);
        Assert.Equal(30, cost.DailyTotal.Count);
        Assert.NotNull(cost.Forecast);
        Assert.NotNull(cost.SavingsPlansCoverage);
        Assert.NotNull(cost.ReservationCoverage);
        Assert.Equal(2, cost.Anomalies.Count);
        Assert.Equal(4, cost.ResourceCosts!.Count);
        Assert.Equal(8, session.CostExplorerRequests);
        Assert.Equal(
            ["ce.anomalies=1", "ce.coverage=2", "ce.forecast=1", "ce.resource-costs=1", "ce.spend=3"],
            outcomes.Select(o => o.Collector + "=" + o.Requests).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_Split_Every_Month_Into_Services_Accounts_And_Regions_That_Add_Up_To_The_Same_Total()
    {
        // Given the sample account
        await using var session = await SampleAccountSession.StartAsync();
        var d = session.Dataset;

        // When the spend collector runs
        var (inventory, _) = await session.RunAsync(["ce.spend"]);
        var cost = inventory.Cost!;

        // Then there are 12 full months and month-to-date, and each month's three splits have the dataset's total
        var months = cost.MonthlyByService.Select(c => c.PeriodStart).Distinct().Order().ToList();
        Assert.Equal(13, months.Count);
        Assert.Equal(new DateOnly(2025, 3, 1), months[0]);
        foreach (var month in months)
        {
            var end = month == new DateOnly(2026, 3, 1) ? d.Today : month.AddMonths(1);
            var (unblended, amortized) = SampleCostModel.Sum(d, month, end, _ => true);
            foreach (var split in new[] { cost.MonthlyByService, cost.MonthlyByAccount, cost.MonthlyByRegion })
            {
                Assert.Equal(unblended, split.Where(c => c.PeriodStart == month).Sum(c => c.UnblendedCost));
                Assert.Equal(amortized, split.Where(c => c.PeriodStart == month).Sum(c => c.AmortizedCost));
            }
        }

        // And only month-to-date is estimated; accounts are the organization's (the suspended one only in older months)
        Assert.All(cost.MonthlyByService, c => Assert.Equal(c.PeriodStart == new DateOnly(2026, 3, 1), c.Estimated));
        Assert.Equal(d.Organization!.Accounts.Select(a => a.Id).Order(), cost.MonthlyByAccount.Select(c => c.Key).Distinct().Order());
        Assert.DoesNotContain(cost.MonthlyByAccount, c => c.Key == SampleDataset.SandboxAccountId && c.PeriodStart >= new DateOnly(2025, 12, 1));
        Assert.Contains(cost.MonthlyByRegion, c => c.Key == "NoRegion");
    }

    [Fact]
    public async Task Should_Give_30_Daily_Totals_That_Add_Up_To_Month_To_Date_And_Show_The_Anomaly()
    {
        // Given the sample account (a spike on three of the last seven days)
        await using var session = await SampleAccountSession.StartAsync();
        var d = session.Dataset;

        // When spend and anomalies are collected
        var (inventory, _) = await session.RunAsync(["ce.spend", "ce.anomalies"]);
        var cost = inventory.Cost!;

        // Then the daily totals are the cube's days, month-to-date equals the days of March, and the anomaly is its spike
        Assert.Equal(SampleCostModel.Days(d.Today.AddDays(-30), d.Today), cost.DailyTotal.Select(c => c.PeriodStart));
        Assert.All(cost.DailyTotal, c => Assert.Equal(SampleCostModel.Sum(d, c.PeriodStart, c.PeriodEnd, _ => true).Unblended, c.UnblendedCost));
        var march = cost.MonthlyByService.Where(c => c.PeriodStart == new DateOnly(2026, 3, 1)).Sum(c => c.UnblendedCost);
        Assert.Equal(march, cost.DailyTotal.Where(c => c.PeriodStart >= new DateOnly(2026, 3, 1)).Sum(c => c.UnblendedCost));
        foreach (var spike in d.CostSpikes)
        {
            var anomaly = cost.Anomalies.Single(a => a.AnomalyId == spike.AnomalyId);
            Assert.Equal(new CostAnomaly(spike.AnomalyId, spike.FirstDay, spike.FirstDay.AddDays(spike.Days - 1), spike.Line.Service,
                spike.Line.Region, spike.Line.AccountId, spike.Line.UsageType, spike.ExtraPerDay, spike.ExtraPerDay * spike.Days, spike.MaxScore), anomaly);
        }
    }

    [Fact]
    public async Task Should_Read_Forecast_And_Coverage_As_The_Dataset_Defines_Them()
    {
        // Given the sample account with four running instances
        await using var session = await SampleAccountSession.StartAsync(SampleAccountSession.NewDataset().WithKnownCompute());
        var d = session.Dataset;

        // When forecast and coverage are collected
        var (inventory, _) = await session.RunAsync(["ce.forecast", "ce.coverage"]);
        var cost = inventory.Cost!;

        // Then the forecast is the rest of March at March's rates, within ±10 %; coverage is of February
        var mean = SampleCostModel.Forecast(d, d.Today, new DateOnly(2026, 4, 1));
        Assert.Equal(new CostForecast(d.Today, new DateOnly(2026, 4, 1), mean, Math.Round(mean * 0.9m, 4), Math.Round(mean * 1.1m, 4)), cost.Forecast);
        var (eligible, _) = SampleCostModel.Sum(d, new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1),
            l => l.Service is "Amazon Elastic Compute Cloud - Compute" or "AWS Lambda" or "Amazon Elastic Container Service");
        Assert.Equal(new CoverageFigure(new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), 35m, eligible - Math.Round(eligible * 0.35m, 2)), cost.SavingsPlansCoverage);
        Assert.Equal(25m, cost.ReservationCoverage!.CoveragePercent);
    }

    [Fact]
    public async Task Should_Be_Not_Enabled_With_How_To_Enable_When_Resource_Level_Data_Is_Off()
    {
        // Given an account without the resource-level opt-in
        var dataset = SampleAccountSession.NewDataset().WithKnownCompute();
        dataset.ResourceLevelCostEnabled = false;
        await using var session = await SampleAccountSession.StartAsync(dataset);

        // When the resource-cost collector runs
        var (inventory, outcomes) = await session.RunAsync(["ce.resource-costs"]);

        // Then it is a coverage gap that says how to enable it, and no resource costs are claimed
        var outcome = Assert.Single(outcomes);
        Assert.Equal(CollectorStatus.NotEnabled, outcome.Status);
        Assert.Contains(ResourceCostsCollector.HowToEnable, outcome.Reason, StringComparison.Ordinal);
        Assert.Null(inventory.Cost?.ResourceCosts);
    }

    [Fact]
    public async Task Should_Sum_Each_Instance_Over_14_Days_When_Resource_Level_Data_Is_On()
    {
        // Given four running instances, one stopped
        await using var session = await SampleAccountSession.StartAsync(SampleAccountSession.NewDataset().WithKnownCompute());
        var d = session.Dataset;

        // When the resource-cost collector runs
        var (inventory, _) = await session.RunAsync(["ce.resource-costs"]);

        // Then each running instance has 14 days at its list price, the stopped one none
        var expected = d.Ec2Instances.Where(i => i.State == "running").Select(i => new ResourceCost(i.InstanceId,
            "Amazon Elastic Compute Cloud - Compute",
            14 * Math.Round(SampleCohRules.Ec2Hourly[i.InstanceType] * 24m * SampleCohRules.RegionFactor(i.Region), 4),
            d.Today.AddDays(-14), d.Today)).OrderBy(r => r.ResourceId, StringComparer.Ordinal);
        Assert.Equal(expected, inventory.Cost!.ResourceCosts);
    }

    [Fact]
    public async Task Should_Keep_The_Other_Splits_And_Note_It_When_Region_Grouping_Is_Refused()
    {
        // Given a Cost Explorer that refuses GroupBy REGION
        var transport = new RecordingTransport()
            .Reply("GetCostAndUsage", """{"ResultsByTime":[{"TimePeriod":{"Start":"2026-02-01","End":"2026-03-01"},"Total":{},"Groups":[{"Keys":["AWS Lambda","123456789012"],"Metrics":{"UnblendedCost":{"Amount":"2.5","Unit":"USD"},"AmortizedCost":{"Amount":"2.5","Unit":"USD"}}}],"Estimated":false}]}""")
            .Fail("GetCostAndUsage", "ValidationException", "Group Definition dimension is invalid.")
            .Reply("GetCostAndUsage", """{"ResultsByTime":[{"TimePeriod":{"Start":"2026-03-17","End":"2026-03-18"},"Total":{"UnblendedCost":{"Amount":"1E+1","Unit":"USD"},"AmortizedCost":{"Amount":"9.5","Unit":"USD"}},"Groups":[],"Estimated":true}]}""");
        var builder = new InventoryBuilder("123456789012");
        var context = new CollectorContext(transport, builder, new ScanSettings(), new FixedTimeProvider(SampleAccountSession.FixedNow), null, []);

        // When the spend collector runs (its three requests go out in order: service+account, region, daily)
        await new SpendCollector().CollectAsync(context, CancellationToken.None);

        // Then the region split is empty with a note, the others stand, and exponent amounts are read
        var cost = builder.Build().Cost!;
        Assert.Empty(cost.MonthlyByRegion);
        Assert.Equal(2.5m, cost.MonthlyByService.Single().UnblendedCost);
        Assert.Equal(10m, cost.DailyTotal.Single().UnblendedCost);
        Assert.Contains(context.Notes, n => n.Contains("GroupBy REGION", StringComparison.Ordinal));
        Assert.Contains("\"Key\":\"REGION\"", RecordingTransport.Text(transport.Requests[1]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Note_The_Missing_Forecast_When_There_Is_Too_Little_History()
    {
        // Given a new account Cost Explorer cannot forecast
        var transport = new RecordingTransport().Fail("GetCostForecast", "DataUnavailableException", "Insufficient amount of historical data to generate forecast.");
        var builder = new InventoryBuilder("123456789012");
        var context = new CollectorContext(transport, builder, new ScanSettings(), new FixedTimeProvider(SampleAccountSession.FixedNow), null, []);

        // When the forecast collector runs
        await new ForecastCollector().CollectAsync(context, CancellationToken.None);

        // Then there is no forecast, and the note says why
        Assert.Null(builder.Build().Cost);
        Assert.Equal(["no forecast: Insufficient amount of historical data to generate forecast."], context.Notes);
    }
}
