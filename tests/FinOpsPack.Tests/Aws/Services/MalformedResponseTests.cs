using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Services.CostExplorer;
using FinOpsPack.Core.Aws.Services.CostOptimizationHub;
using FinOpsPack.Core.Aws.Services.Ecs;
using FinOpsPack.Core.Aws.Services.Lambda;
using FinOpsPack.Core.Aws.Services.Organizations;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Aws.Services;

/// <summary>Garbage in any JSON answer becomes an <see cref="AwsServiceException"/> naming the action, never a crash.</summary>
public sealed class MalformedResponseTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        string[] garbage =
        [
            "<html>502 Bad Gateway</html>", "", "null", "[]", "{\"truncated\": ", "42",
        ];
        foreach (var op in new[] { "ListAccounts", "GetCostAndUsage", "ListRecommendations", "ListClusters", "ListFunctions" })
        {
            foreach (var body in garbage)
            {
                data.Add(op, body);
            }
        }

        // Well-formed JSON with values of the wrong kind
        data.Add("ListAccounts", """{"Accounts":"everyone"}""");
        data.Add("ListAccounts", """{"Accounts":[{"Name":"no id"}]}""");
        data.Add("GetCostAndUsage", """{"ResultsByTime":[{"Estimated":"maybe"}]}""");
        data.Add("ListRecommendations", """{"items":[{"recommendationId":"r","lastRefreshTimestamp":"yesterday"}]}""");
        data.Add("ListRecommendations", """{"items":[{"recommendationId":"r","estimatedMonthlySavings":"lots"}]}""");
        data.Add("ListClusters", """{"clusterArns":[1,2]}""");
        data.Add("ListFunctions", """{"Functions":[{"FunctionName":"f","FunctionArn":"a","MemorySize":99999999999}]}""");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Should_Raise_An_AwsServiceException_When_The_Body_Is_Garbage(string operation, string body)
    {
        // Given a service answering 200 with garbage
        var transport = new RecordingTransport().Reply(operation, body);

        // When the client reads it
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => ReadAsync(transport, operation));

        // Then it is a malformed response of that action
        Assert.Equal(AwsErrorCodes.MalformedResponse, e.ErrorCode);
        Assert.EndsWith(":" + operation, e.Action, StringComparison.Ordinal);
    }

    private static async Task ReadAsync(RecordingTransport transport, string operation)
    {
        const string r = "us-east-1";
        var ct = CancellationToken.None;
        switch (operation)
        {
            case "ListAccounts":
                await new OrganizationsClient(transport, r).ListAccountsAsync(ct).ToListAsync();
                break;
            case "GetCostAndUsage":
                await new CostExplorerClient(transport, r).GetCostAndUsageAsync(
                    new GetCostAndUsageRequest(new DateInterval("2026-01-01", "2026-02-01"), "MONTHLY", ["UnblendedCost"]), ct).ToListAsync();
                break;
            case "ListRecommendations":
                await new CostOptimizationHubClient(transport, r).ListRecommendationsAsync(ct).ToListAsync();
                break;
            case "ListClusters":
                await new EcsClient(transport, r).ListClustersAsync(ct).ToListAsync();
                break;
            default:
                await new LambdaClient(transport, r).ListFunctionsAsync(ct).ToListAsync();
                break;
        }
    }
}
