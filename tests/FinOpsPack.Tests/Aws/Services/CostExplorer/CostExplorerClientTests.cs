using FinOpsPack.Core.Aws.Services.CostExplorer;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Aws.Services.CostExplorer;

public sealed class CostExplorerClientTests
{
    private static readonly DateInterval March = new("2026-03-01", "2026-04-01");

    [Fact]
    public async Task Should_Send_Two_Group_Bys_And_Follow_NextPageToken_When_Getting_Cost_And_Usage()
    {
        // Given a two-page answer
        var transport = new RecordingTransport()
            .Reply("GetCostAndUsage", """{"ResultsByTime":[{"TimePeriod":{"Start":"2026-03-01","End":"2026-04-01"},"Total":{},"Groups":[{"Keys":["AWS Lambda","111111111111"],"Metrics":{"UnblendedCost":{"Amount":"1.5","Unit":"USD"}}}],"Estimated":true}],"NextPageToken":"p2"}""")
            .Reply("GetCostAndUsage", """{"ResultsByTime":[{"TimePeriod":{"Start":"2026-03-01","End":"2026-04-01"},"Total":{},"Groups":[{"Keys":["Tax","111111111111"],"Metrics":{"UnblendedCost":{"Amount":"2","Unit":"USD"}}}],"Estimated":true}]}""");
        var request = new GetCostAndUsageRequest(March, "MONTHLY", ["UnblendedCost", "AmortizedCost"],
            [new GroupDefinition("DIMENSION", "SERVICE"), new GroupDefinition("DIMENSION", "LINKED_ACCOUNT")]);

        // When all results are read
        var results = await new CostExplorerClient(transport, "us-east-1").GetCostAndUsageAsync(request, CancellationToken.None).ToListAsync();

        // Then both pages' groups arrive, and the second request repeats the first with the token
        Assert.Equal(2, results.Count);
        Assert.Equal("Tax", results[1].Groups![0].Keys![0]);
        Assert.Equal(
            """{"TimePeriod":{"Start":"2026-03-01","End":"2026-04-01"},"Granularity":"MONTHLY","Metrics":["UnblendedCost","AmortizedCost"],"GroupBy":[{"Type":"DIMENSION","Key":"SERVICE"},{"Type":"DIMENSION","Key":"LINKED_ACCOUNT"}]}""",
            RecordingTransport.Text(transport.Requests[0]));
        Assert.EndsWith(""","NextPageToken":"p2"}""", RecordingTransport.Text(transport.Requests[1]), StringComparison.Ordinal);
        Assert.Equal("AWSInsightsIndexService.GetCostAndUsage", transport.Requests[0].Headers!["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.1", transport.Requests[0].ContentType);
    }

    [Fact]
    public async Task Should_Page_Savings_Plans_Coverage_With_NextToken_And_Reservation_Coverage_With_NextPageToken()
    {
        // Given coverage answers of two pages each
        var transport = new RecordingTransport()
            .Reply("GetSavingsPlansCoverage", """{"SavingsPlansCoverages":[{"Coverage":{"CoveragePercentage":"35"}}],"NextToken":"s2"}""")
            .Reply("GetSavingsPlansCoverage", """{"SavingsPlansCoverages":[{"Coverage":{"CoveragePercentage":"36"}}]}""")
            .Reply("GetReservationCoverage", """{"CoveragesByTime":[{"Total":{"CoverageHours":{"CoverageHoursPercentage":"25"}}}],"NextPageToken":"r2"}""")
            .Reply("GetReservationCoverage", """{"CoveragesByTime":[{"Total":{"CoverageHours":{"CoverageHoursPercentage":"26"}}}]}""");
        var client = new CostExplorerClient(transport, "us-east-1");

        // When both are read to the end
        var sp = await client.GetSavingsPlansCoverageAsync(new GetSavingsPlansCoverageRequest(March, "DAILY", 20), CancellationToken.None).ToListAsync();
        var ri = await client.GetReservationCoverageAsync(new GetReservationCoverageRequest(March, "DAILY", 20), CancellationToken.None).ToListAsync();

        // Then each used its own token member (Savings Plans: NextToken; reservations: NextPageToken)
        Assert.Equal(2, sp.Count);
        Assert.Equal(2, ri.Count);
        Assert.Equal(
            """{"TimePeriod":{"Start":"2026-03-01","End":"2026-04-01"},"Granularity":"DAILY","MaxResults":20,"NextToken":"s2"}""",
            RecordingTransport.Text(transport.Sent("GetSavingsPlansCoverage")[1]));
        Assert.Equal(
            """{"TimePeriod":{"Start":"2026-03-01","End":"2026-04-01"},"Granularity":"DAILY","MaxResults":20,"NextPageToken":"r2"}""",
            RecordingTransport.Text(transport.Sent("GetReservationCoverage")[1]));
    }

    [Fact]
    public async Task Should_Send_Forecast_Metric_In_Upper_Snake_Case_And_Anomaly_Dates_As_StartDate_EndDate()
    {
        // Given a forecast and an anomaly answer
        var transport = new RecordingTransport()
            .Reply("GetCostForecast", """{"Total":{"Amount":"10","Unit":"USD"},"ForecastResultsByTime":[]}""")
            .Reply("GetAnomalies", """{"Anomalies":[{"AnomalyId":"a1","Impact":{"MaxImpact":3.5},"AnomalyScore":{"MaxScore":0.7}}]}""");
        var client = new CostExplorerClient(transport, "us-east-1");

        // When both are called
        await client.GetCostForecastAsync(new GetCostForecastRequest(March, "UNBLENDED_COST", "MONTHLY", 80), CancellationToken.None);
        var anomalies = await client.GetAnomaliesAsync(
            new GetAnomaliesRequest(new AnomalyDateInterval("2026-01-01", "2026-03-18"), 100), CancellationToken.None).ToListAsync();

        // Then the bodies use the shapes each operation defines, and numeric impacts are read as decimals
        Assert.Equal(
            """{"TimePeriod":{"Start":"2026-03-01","End":"2026-04-01"},"Metric":"UNBLENDED_COST","Granularity":"MONTHLY","PredictionIntervalLevel":80}""",
            RecordingTransport.Text(transport.Sent("GetCostForecast")[0]));
        Assert.Equal("""{"DateInterval":{"StartDate":"2026-01-01","EndDate":"2026-03-18"},"MaxResults":100}""", RecordingTransport.Text(transport.Sent("GetAnomalies")[0]));
        Assert.Equal(3.5m, anomalies.Single().Impact!.MaxImpact);
    }
}
