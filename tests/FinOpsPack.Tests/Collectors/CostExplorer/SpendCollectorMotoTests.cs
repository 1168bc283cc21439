using System.Text.Json.Nodes;
using FinOpsPack.Core.Aws.Services.CostExplorer;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Collectors.CostExplorer;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Collectors.CostExplorer;

/// <summary>
/// GetCostAndUsage against moto, whose answers are queued through <c>/moto-api/static/ce/cost-and-usage-results</c>:
/// moto gives each new request body the next queued result and repeats it for the same body later.
/// </summary>
public sealed class SpendCollectorMotoTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private static readonly DateTimeOffset Now = new(2026, 3, 18, 9, 0, 0, TimeSpan.Zero);

    private static JsonObject Result(JsonArray resultsByTime, string? nextPageToken = null)
    {
        var result = new JsonObject { ["ResultsByTime"] = resultsByTime, ["DimensionValueAttributes"] = new JsonArray() };
        if (nextPageToken is not null)
        {
            result["NextPageToken"] = nextPageToken;
        }

        return result;
    }

    private static JsonObject Period(string start, string end, bool estimated, params (string[] Keys, string Unblended, string Amortized)[] groups) => new()
    {
        ["TimePeriod"] = new JsonObject { ["Start"] = start, ["End"] = end },
        ["Total"] = new JsonObject(),
        ["Groups"] = new JsonArray([.. groups.Select(g => new JsonObject
        {
            ["Keys"] = new JsonArray([.. g.Keys.Select(k => JsonValue.Create(k))]),
            ["Metrics"] = Metrics(g.Unblended, g.Amortized),
        })]),
        ["Estimated"] = estimated,
    };

    private static JsonObject Day(string start, string end, string unblended, string amortized) => new()
    {
        ["TimePeriod"] = new JsonObject { ["Start"] = start, ["End"] = end },
        ["Total"] = Metrics(unblended, amortized),
        ["Groups"] = new JsonArray(),
        ["Estimated"] = true,
    };

    private static JsonObject Metrics(string unblended, string amortized) => new()
    {
        ["UnblendedCost"] = new JsonObject { ["Amount"] = unblended, ["Unit"] = "USD" },
        ["AmortizedCost"] = new JsonObject { ["Amount"] = amortized, ["Unit"] = "USD" },
    };

    private async Task QueueAsync(params JsonObject[] results)
    {
        await MotoCollectorRun.ResetAsync(moto);
        using var http = new HttpClient();
        // A body of known length: moto answered 500 to the same JSON sent chunked (PostAsJsonAsync).
        using var body = new StringContent(new JsonObject { ["results"] = new JsonArray(results) }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(moto.Endpoint, "/moto-api/static/ce/cost-and-usage-results"), body);
        response.EnsureSuccessStatusCode();
    }

    [MotoFact]
    public async Task Should_Read_Every_Queued_Page_When_Results_Carry_A_NextPageToken()
    {
        // Given three queued pages chained by NextPageToken
        await QueueAsync(
            Result([Period("2026-01-01", "2026-02-01", false, (["AWS Lambda"], "1.25", "1.25"))], "page-2"),
            Result([Period("2026-01-01", "2026-02-01", false, (["Tax"], "0.5", "0.5"))], "page-3"),
            Result([Period("2026-02-01", "2026-03-01", false, (["AWS Lambda"], "2.000000001", "1.9"))]));
        var audit = new MemoryAudit();
        var pipeline = new CallPipeline(new TransportOptions(), audit, TimeProvider.System);
        using var transport = new AwsTransport(pipeline, new Amazon.Runtime.BasicAWSCredentials("testing", "testing"), new FinOpsPack.Core.Aws.EndpointResolver(moto.Endpoint, _ => null));

        // When our client reads the query
        var results = await new CostExplorerClient(transport, "us-east-1").GetCostAndUsageAsync(
            new GetCostAndUsageRequest(new DateInterval("2026-01-01", "2026-03-01"), "MONTHLY", ["UnblendedCost", "AmortizedCost"],
                [new GroupDefinition("DIMENSION", "SERVICE")]), CancellationToken.None).ToListAsync();

        // Then it followed the tokens through all three pages and read each amount as moto sent it
        Assert.Equal(3, audit.Records.Count(r => r.Action == "ce:GetCostAndUsage"));
        Assert.Equal(
            ["2026-01-01 AWS Lambda 1.25", "2026-01-01 Tax 0.5", "2026-02-01 AWS Lambda 2.000000001"],
            results.SelectMany(r => r.Groups!.Select(g => $"{r.TimePeriod.Start} {g.Keys![0]} {g.Metrics!["UnblendedCost"].Amount}")));
    }

    [MotoFact]
    public async Task Should_Split_Spend_By_Service_Account_And_Region_From_Queued_Results()
    {
        // Given moto answering the spend collector's three queries (the first over two pages, January split across them)
        await QueueAsync(
            Result([Period("2026-01-01", "2026-02-01", false, (["Amazon Elastic Compute Cloud - Compute", "111111111111"], "100", "90"),
                (["Amazon Simple Storage Service", "111111111111"], "10", "10"))], "sa-2"),
            Result([
                Period("2026-01-01", "2026-02-01", false, (["Amazon Elastic Compute Cloud - Compute", "222222222222"], "50", "45")),
                Period("2026-02-01", "2026-03-01", false, (["Amazon Elastic Compute Cloud - Compute", "111111111111"], "120", "110"),
                    (["Tax", "222222222222"], "5", "5"))]),
            Result([
                Period("2026-01-01", "2026-02-01", false, (["us-east-1"], "150", "135"), (["eu-west-1"], "10", "10")),
                Period("2026-02-01", "2026-03-01", false, (["us-east-1"], "120", "110"), (["NoRegion"], "5", "5"))]),
            Result([Day("2026-03-16", "2026-03-17", "4.5", "4"), Day("2026-03-17", "2026-03-18", "5.25", "5")]));

        // moto hands queued results to new request bodies in arrival order, and the collector sends its three queries at
        // once; so the bodies are bound to their results first, in a known order, with the very requests the collector makes.
        var (byServiceAndAccount, byRegion, daily) = SpendCollector.Requests(DateOnly.FromDateTime(Now.UtcDateTime), new ScanSettings().SpendHistoryMonths);
        await BindAsync(byServiceAndAccount, byRegion, daily);

        // When the spend collector runs
        var (inventory, outcomes, _) = await MotoCollectorRun.RunAsync(moto, ["ce.spend"], ["us-east-1"], time: new FixedTimeProvider(Now));

        // Then the months are summed by service and by account out of the same groups, regions and days as queued
        Assert.Equal(CollectorStatus.Ok, Assert.Single(outcomes).Status);
        var cost = inventory.Cost!;
        Assert.Equal("USD", cost.Currency);
        Assert.Equal(
            ["2026-01-01 Amazon Elastic Compute Cloud - Compute 150 135", "2026-01-01 Amazon Simple Storage Service 10 10",
             "2026-02-01 Amazon Elastic Compute Cloud - Compute 120 110", "2026-02-01 Tax 5 5"],
            cost.MonthlyByService.Select(Line));
        Assert.Equal(
            ["2026-01-01 111111111111 110 100", "2026-01-01 222222222222 50 45", "2026-02-01 111111111111 120 110", "2026-02-01 222222222222 5 5"],
            cost.MonthlyByAccount.Select(Line));
        Assert.Equal(
            ["2026-01-01 eu-west-1 10 10", "2026-01-01 us-east-1 150 135", "2026-02-01 NoRegion 5 5", "2026-02-01 us-east-1 120 110"],
            cost.MonthlyByRegion.Select(Line));
        Assert.Equal(["2026-03-16 Total 4.5 4", "2026-03-17 Total 5.25 5"], cost.DailyTotal.Select(Line));
    }

    private async Task BindAsync(params GetCostAndUsageRequest[] requests)
    {
        var pipeline = new CallPipeline(new TransportOptions(), new MemoryAudit(), TimeProvider.System);
        using var transport = new AwsTransport(pipeline, new Amazon.Runtime.BasicAWSCredentials("testing", "testing"), new FinOpsPack.Core.Aws.EndpointResolver(moto.Endpoint, _ => null));
        var client = new CostExplorerClient(transport, "us-east-1");
        foreach (var request in requests)
        {
            await client.GetCostAndUsageAsync(request, CancellationToken.None).ToListAsync();
        }
    }

    private static string Line(CostAmount c) => $"{c.PeriodStart:yyyy-MM-dd} {c.Key} {c.UnblendedCost} {c.AmortizedCost}";
}
