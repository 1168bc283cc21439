using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Aws.Services.CostExplorer;

/// <summary>
/// Cost Explorer (awsJson 1.1, global endpoint in us-east-1). Every request — every page — is billed $0.01, so callers
/// ask for few, wide queries. Pagination tokens differ by operation: NextPageToken, except Savings Plans coverage (NextToken).
/// </summary>
public sealed class CostExplorerClient(IAwsTransport transport, string region)
{
    public IAsyncEnumerable<ResultByTime> GetCostAndUsageAsync(GetCostAndUsageRequest request, CancellationToken ct) =>
        CostAndUsageAsync("GetCostAndUsage", request, ct);

    /// <summary>Opt-in only; the window must lie within the last 14 days and <see cref="GetCostAndUsageRequest.Filter"/> is required.</summary>
    public IAsyncEnumerable<ResultByTime> GetCostAndUsageWithResourcesAsync(GetCostAndUsageRequest request, CancellationToken ct) =>
        CostAndUsageAsync("GetCostAndUsageWithResources", request, ct);

    public Task<GetCostForecastResponse> GetCostForecastAsync(GetCostForecastRequest request, CancellationToken ct) =>
        AwsJsonCall.SendAsync<GetCostForecastResponse>(transport, AwsService.CostExplorer, region, "GetCostForecast", request, ct);

    public IAsyncEnumerable<SavingsPlansCoverage> GetSavingsPlansCoverageAsync(GetSavingsPlansCoverageRequest request, CancellationToken ct) =>
        Paginator.PaginateAsync(
            (token, c) => AwsJsonCall.SendAsync<GetSavingsPlansCoverageResponse>(
                transport, AwsService.CostExplorer, region, "GetSavingsPlansCoverage", request with { NextToken = token }, c),
            page => page.NextToken,
            page => page.SavingsPlansCoverages ?? [],
            ct);

    public IAsyncEnumerable<CoverageByTime> GetReservationCoverageAsync(GetReservationCoverageRequest request, CancellationToken ct) =>
        Paginator.PaginateAsync(
            (token, c) => AwsJsonCall.SendAsync<GetReservationCoverageResponse>(
                transport, AwsService.CostExplorer, region, "GetReservationCoverage", request with { NextPageToken = token }, c),
            page => page.NextPageToken,
            page => page.CoveragesByTime ?? [],
            ct);

    public IAsyncEnumerable<Anomaly> GetAnomaliesAsync(GetAnomaliesRequest request, CancellationToken ct) =>
        Paginator.PaginateAsync(
            (token, c) => AwsJsonCall.SendAsync<GetAnomaliesResponse>(
                transport, AwsService.CostExplorer, region, "GetAnomalies", request with { NextPageToken = token }, c),
            page => page.NextPageToken,
            page => page.Anomalies ?? [],
            ct);

    private IAsyncEnumerable<ResultByTime> CostAndUsageAsync(string operation, GetCostAndUsageRequest request, CancellationToken ct) =>
        Paginator.PaginateAsync(
            (token, c) => AwsJsonCall.SendAsync<GetCostAndUsageResponse>(
                transport, AwsService.CostExplorer, region, operation, request with { NextPageToken = token }, c),
            page => page.NextPageToken,
            page => page.ResultsByTime ?? [],
            ct);
}
