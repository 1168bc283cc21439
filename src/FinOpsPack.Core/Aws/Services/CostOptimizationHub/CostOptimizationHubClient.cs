using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Aws.Services.CostOptimizationHub;

/// <summary>
/// Cost Optimization Hub (awsJson 1.0, us-east-1 only). Read-only: the Update* operations (enrollment, preferences) are
/// deliberately absent — the scanner reports "not enrolled" and never enables anything.
/// </summary>
public sealed class CostOptimizationHubClient(IAwsTransport transport, string region)
{
    public const int EnrollmentPageSize = 100;
    public const int RecommendationPageSize = 1000;

    /// <summary>Pages, not items: each page also carries <c>includeMemberAccounts</c>.</summary>
    public IAsyncEnumerable<ListEnrollmentStatusesResponse> ListEnrollmentStatusesAsync(bool includeOrganizationInfo, CancellationToken ct) =>
        PagesAsync<ListEnrollmentStatusesResponse>(
            "ListEnrollmentStatuses",
            token => new ListEnrollmentStatusesRequest(includeOrganizationInfo, EnrollmentPageSize, token),
            p => p.NextToken,
            ct);

    public Task<GetPreferencesResponse> GetPreferencesAsync(CancellationToken ct) =>
        AwsJsonCall.SendAsync<GetPreferencesResponse>(transport, AwsService.CostOptimizationHub, region, "GetPreferences", null, ct);

    /// <summary>De-duplicated by AWS (includeAllRecommendations=false): at most one recommendation per resource.</summary>
    public IAsyncEnumerable<Recommendation> ListRecommendationsAsync(CancellationToken ct) =>
        Paginator.PaginateAsync(
            (token, c) => AwsJsonCall.SendAsync<ListRecommendationsResponse>(
                transport, AwsService.CostOptimizationHub, region, "ListRecommendations",
                new ListRecommendationsRequest(IncludeAllRecommendations: false, RecommendationPageSize, token), c),
            page => page.NextToken,
            page => page.Items ?? [],
            ct);

    /// <summary>Pages, not items: <c>estimatedTotalDedupedSavings</c> and <c>currencyCode</c> sit on the page.</summary>
    public IAsyncEnumerable<ListRecommendationSummariesResponse> ListRecommendationSummariesAsync(string groupBy, CancellationToken ct) =>
        PagesAsync<ListRecommendationSummariesResponse>(
            "ListRecommendationSummaries",
            token => new ListRecommendationSummariesRequest(groupBy, RecommendationPageSize, token),
            p => p.NextToken,
            ct);

    private IAsyncEnumerable<TPage> PagesAsync<TPage>(
        string operation, Func<string?, object> input, Func<TPage, string?> nextToken, CancellationToken ct) =>
        Paginator.PaginateAsync<TPage, TPage>(
            (token, c) => AwsJsonCall.SendAsync<TPage>(transport, AwsService.CostOptimizationHub, region, operation, input(token), c),
            nextToken,
            page => [page],
            ct);
}
