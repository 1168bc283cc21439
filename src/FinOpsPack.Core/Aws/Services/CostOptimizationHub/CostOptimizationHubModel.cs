using System.Text.Json.Serialization;

namespace FinOpsPack.Core.Aws.Services.CostOptimizationHub;

// Cost Optimization Hub members are lowerCamel on the wire; responses bind case-insensitively, requests name them explicitly.

public sealed record ListEnrollmentStatusesRequest(
    [property: JsonPropertyName("includeOrganizationInfo")] bool IncludeOrganizationInfo,
    [property: JsonPropertyName("maxResults")] int MaxResults,
    [property: JsonPropertyName("nextToken")] string? NextToken = null);

/// <param name="Status">Active | Inactive, or a value added later (kept as text).</param>
public sealed record AccountEnrollmentStatus(
    string? AccountId, string? Status, DateTimeOffset? LastUpdatedTimestamp, DateTimeOffset? CreatedTimestamp);

public sealed record ListEnrollmentStatusesResponse(
    IReadOnlyList<AccountEnrollmentStatus>? Items, bool? IncludeMemberAccounts, string? NextToken);

public sealed record PreferredCommitment(string? Term, string? PaymentOption);

public sealed record GetPreferencesResponse(
    string? SavingsEstimationMode, string? MemberAccountDiscountVisibility, PreferredCommitment? PreferredCommitment);

/// <param name="IncludeAllRecommendations">False: one de-duplicated recommendation per resource.</param>
public sealed record ListRecommendationsRequest(
    [property: JsonPropertyName("includeAllRecommendations")] bool IncludeAllRecommendations,
    [property: JsonPropertyName("maxResults")] int MaxResults,
    [property: JsonPropertyName("nextToken")] string? NextToken = null);

public sealed record CohTag(string? Key, string? Value);

/// <summary>Enum-like members (actionType, implementationEffort, source…) are strings so values AWS adds later survive.</summary>
public sealed record Recommendation(
    [property: JsonRequired] string RecommendationId,
    string? AccountId,
    string? Region,
    string? ResourceId,
    string? ResourceArn,
    string? CurrentResourceType,
    string? RecommendedResourceType,
    decimal? EstimatedMonthlySavings,
    decimal? EstimatedSavingsPercentage,
    decimal? EstimatedMonthlyCost,
    string? CurrencyCode,
    string? ImplementationEffort,
    bool? RestartNeeded,
    string? ActionType,
    bool? RollbackPossible,
    string? CurrentResourceSummary,
    string? RecommendedResourceSummary,
    DateTimeOffset? LastRefreshTimestamp,
    int? RecommendationLookbackPeriodInDays,
    string? Source,
    IReadOnlyList<CohTag>? Tags);

public sealed record ListRecommendationsResponse(IReadOnlyList<Recommendation>? Items, string? NextToken);

/// <param name="GroupBy">Required, e.g. ResourceType, ActionType, Region, AccountId.</param>
public sealed record ListRecommendationSummariesRequest(
    [property: JsonPropertyName("groupBy")] string GroupBy,
    [property: JsonPropertyName("maxResults")] int MaxResults,
    [property: JsonPropertyName("nextToken")] string? NextToken = null);

public sealed record RecommendationSummary(string? Group, decimal? EstimatedMonthlySavings, int? RecommendationCount);

public sealed record ListRecommendationSummariesResponse(
    decimal? EstimatedTotalDedupedSavings, IReadOnlyList<RecommendationSummary>? Items, string? GroupBy, string? CurrencyCode, string? NextToken);
