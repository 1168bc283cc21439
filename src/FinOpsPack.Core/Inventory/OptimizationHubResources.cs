namespace FinOpsPack.Core.Inventory;

/// <param name="Status">Active | Inactive, or any value AWS adds later (kept as text).</param>
public sealed record CohEnrollment(string AccountId, string Status, bool? IncludeMemberAccounts);

public sealed record CohPreferences(string? SavingsEstimationMode, string? MemberAccountDiscountVisibility, string? PreferredCommitmentTerm, string? PreferredCommitmentPaymentOption);

/// <summary>A Cost Optimization Hub recommendation. Enum-like fields are plain strings so values AWS adds later are kept.</summary>
public sealed record CohRecommendation(
    string RecommendationId, string AccountId, string Region, string ResourceId, string? ResourceArn,
    string? CurrentResourceType, string? RecommendedResourceType, string ActionType, decimal EstimatedMonthlySavings,
    decimal? EstimatedSavingsPercentage, decimal? EstimatedMonthlyCost, string CurrencyCode, string? ImplementationEffort,
    bool? RestartNeeded, bool? RollbackPossible, string? CurrentResourceSummary, string? RecommendedResourceSummary,
    DateTimeOffset? LastRefreshTimestamp, int? LookbackPeriodInDays, string? Source);

public sealed record CohSummary(decimal? EstimatedTotalDedupedSavings, string? CurrencyCode, int RecommendationCount);
