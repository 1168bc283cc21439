using System.Text.Json.Nodes;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Inventory;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.SampleAccount.Hosting;

namespace FinOpsPack.SampleAccount.Services;

/// <summary>
/// Cost Optimization Hub of the sample account (awsJson 1.0, lowerCamel members, namespaced <c>__type</c> errors). Serves
/// the read operations only: an Update* call is not an operation here, so a scanner that tried one would fail loudly.
/// </summary>
public sealed class CostOptimizationHubHandler : ISampleServiceHandler
{
    private const string ErrorNamespace = "com.amazonaws.costoptimizationhub#";

    private static readonly HashSet<string> Served = new(StringComparer.Ordinal)
    {
        "ListEnrollmentStatuses", "GetPreferences", "ListRecommendations", "ListRecommendationSummaries",
    };

    private static readonly Dictionary<string, Func<CohRecommendation, string>> SummaryGroups = new(StringComparer.Ordinal)
    {
        ["ResourceType"] = r => r.CurrentResourceType ?? "",
        ["ActionType"] = r => r.ActionType,
        ["Region"] = r => r.Region,
        ["AccountId"] = r => r.AccountId,
        ["ImplementationEffort"] = r => r.ImplementationEffort ?? "",
    };

    public AwsService Service => AwsService.CostOptimizationHub;

    public string ThrottleCode => "ThrottlingException";

    public string? ResolveOperation(SampleCall call) => JsonServiceAnswers.Operation(call, Service, Served);

    public Task HandleAsync(SampleCall call, string operation, CancellationToken ct) =>
        JsonServiceAnswers.AnswerAsync(call, Service, "message", input =>
        {
            try
            {
                return operation switch
                {
                    "ListEnrollmentStatuses" => EnrollmentStatuses(call, input),
                    "GetPreferences" => Preferences(call),
                    "ListRecommendations" => Recommendations(call, input),
                    _ => Summaries(call, input),
                };
            }
            catch (SampleServiceError e) when (!e.Code.Contains('#', StringComparison.Ordinal))
            {
                throw new SampleServiceError(ErrorNamespace + e.Code, e.Message, e.Status);
            }
        });

    private static void RequireEnrollment(SampleDataset d)
    {
        // The wording AWS uses for a hub that is not enabled is not documented; the sample answers a validation error.
        if (!d.CohEnrolled)
        {
            throw new SampleServiceError("ValidationException", "The account is not enrolled in Cost Optimization Hub.");
        }
    }

    private static object EnrollmentStatuses(SampleCall call, JsonObject input)
    {
        var d = call.Dataset;
        var size = JsonServiceAnswers.PageSize(input.Int("maxResults"), 100, 100, "ValidationException", "maxResults", d.MaxPageSize);
        var isManagement = d.Organization?.MasterAccountId == call.AccountId;
        var accounts = input.Bool("includeOrganizationInfo") == true && isManagement && d.Organization is { } org
            ? [.. org.Accounts.Where(a => a.State == "ACTIVE").Select(a => a.Id)]
            : input.String("accountId") is { } one ? [one] : new List<string> { call.AccountId };
        var scope = "ListEnrollmentStatuses|" + string.Join(",", accounts);
        var offset = SamplePageToken.Decode(input.String("nextToken"), scope)
            ?? throw new SampleServiceError("ValidationException", "Invalid nextToken");
        var (page, next) = SamplePageToken.Slice(accounts, offset, size, scope);
        var status = d.CohEnrolled ? "Active" : "Inactive";
        return new
        {
            items = page.Select(id => new
            {
                accountId = id,
                status,
                lastUpdatedTimestamp = JsonServiceAnswers.Epoch(d.Now.AddDays(-200)),
                createdTimestamp = JsonServiceAnswers.Epoch(d.Now.AddDays(-400)),
            }),
            includeMemberAccounts = d.CohEnrolled && isManagement,
            nextToken = next,
        };
    }

    private static object Preferences(SampleCall call)
    {
        RequireEnrollment(call.Dataset);
        return new
        {
            savingsEstimationMode = call.Dataset.CohSavingsEstimationMode,
            memberAccountDiscountVisibility = "All",
            preferredCommitment = new { term = "OneYear", paymentOption = "NoUpfront" },
        };
    }

    private static object Recommendations(SampleCall call, JsonObject input)
    {
        var d = call.Dataset;
        RequireEnrollment(d);
        var size = JsonServiceAnswers.PageSize(input.Int("maxResults"), 100, 1000, "ValidationException", "maxResults", d.MaxPageSize);
        var all = input.Bool("includeAllRecommendations") == true;
        var items = (all ? d.CohAllRecommendations : d.CohRecommendations).Where(Filter(input["filter"])).ToList();
        var scope = "ListRecommendations|" + all + "|" + input["filter"]?.ToJsonString();
        var offset = SamplePageToken.Decode(input.String("nextToken"), scope)
            ?? throw new SampleServiceError("ValidationException", "Invalid nextToken");
        var (page, next) = SamplePageToken.Slice(items, offset, size, scope);
        return new
        {
            items = page.Select(r => new
            {
                recommendationId = r.RecommendationId,
                accountId = r.AccountId,
                region = r.Region,
                resourceId = r.ResourceId,
                resourceArn = r.ResourceArn,
                currentResourceType = r.CurrentResourceType,
                recommendedResourceType = r.RecommendedResourceType,
                estimatedMonthlySavings = r.EstimatedMonthlySavings,
                estimatedSavingsPercentage = r.EstimatedSavingsPercentage,
                estimatedMonthlyCost = r.EstimatedMonthlyCost,
                currencyCode = r.CurrencyCode,
                implementationEffort = r.ImplementationEffort,
                restartNeeded = r.RestartNeeded,
                actionType = r.ActionType,
                rollbackPossible = r.RollbackPossible,
                currentResourceSummary = r.CurrentResourceSummary,
                recommendedResourceSummary = r.RecommendedResourceSummary,
                lastRefreshTimestamp = r.LastRefreshTimestamp is { } t ? JsonServiceAnswers.Epoch(t) : (double?)null,
                recommendationLookbackPeriodInDays = r.LookbackPeriodInDays,
                source = r.Source,
                tags = Array.Empty<object>(),
            }),
            nextToken = next,
        };
    }

    /// <summary>Summaries of the de-duplicated recommendations: the groups add up to estimatedTotalDedupedSavings.</summary>
    private static object Summaries(SampleCall call, JsonObject input)
    {
        var d = call.Dataset;
        RequireEnrollment(d);
        var groupBy = input.String("groupBy") ?? throw JsonServiceAnswers.Invalid("ValidationException", "groupBy", null, "Member must not be null");
        var key = SummaryGroups.GetValueOrDefault(groupBy)
            ?? throw new SampleServiceError("ValidationException", $"Invalid groupBy value: {groupBy}");
        var size = JsonServiceAnswers.PageSize(input.Int("maxResults"), 100, 1000, "ValidationException", "maxResults", d.MaxPageSize);
        var deduped = d.CohRecommendations.Where(Filter(input["filter"])).ToList();
        var groups = deduped.GroupBy(key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var scope = "ListRecommendationSummaries|" + groupBy + "|" + input["filter"]?.ToJsonString();
        var offset = SamplePageToken.Decode(input.String("nextToken"), scope)
            ?? throw new SampleServiceError("ValidationException", "Invalid nextToken");
        var (page, next) = SamplePageToken.Slice(groups, offset, size, scope);
        return new
        {
            estimatedTotalDedupedSavings = deduped.Sum(r => r.EstimatedMonthlySavings),
            items = page.Select(g => new
            {
                group = g.Key,
                estimatedMonthlySavings = g.Sum(r => r.EstimatedMonthlySavings),
                recommendationCount = g.Count(),
            }),
            groupBy,
            currencyCode = "USD",
            nextToken = next,
        };
    }

    /// <summary>The list filters of ListRecommendations (each an OR over its values, all ANDed).</summary>
    private static Func<CohRecommendation, bool> Filter(JsonNode? filter)
    {
        if (filter is not JsonObject f)
        {
            return _ => true;
        }

        var tests = new List<Func<CohRecommendation, bool>>();
        void Add(string member, Func<CohRecommendation, string?> field)
        {
            var values = f.Strings(member).ToHashSet(StringComparer.Ordinal);
            if (values.Count > 0)
            {
                tests.Add(r => field(r) is { } v && values.Contains(v));
            }
        }

        Add("accountIds", r => r.AccountId);
        Add("regions", r => r.Region);
        Add("resourceTypes", r => r.CurrentResourceType);
        Add("actionTypes", r => r.ActionType);
        Add("resourceIds", r => r.ResourceId);
        Add("resourceArns", r => r.ResourceArn);
        Add("recommendationIds", r => r.RecommendationId);
        Add("implementationEfforts", r => r.ImplementationEffort);
        if (f.Bool("restartNeeded") is { } restart)
        {
            tests.Add(r => r.RestartNeeded == restart);
        }

        if (f.Bool("rollbackPossible") is { } rollback)
        {
            tests.Add(r => r.RollbackPossible == rollback);
        }

        return r => tests.All(t => t(r));
    }
}
