using System.Globalization;
using System.Text.Json.Nodes;
using FinOpsPack.SampleAccount.Dataset;

namespace FinOpsPack.SampleAccount.Services;

/// <summary>Something Cost Explorer can bill: a cube line, or (resource-level data) one running EC2 instance.</summary>
internal sealed record CostItem(
    string Service, string AccountId, string Region, string UsageType, string? ResourceId, Func<DateOnly, (decimal Unblended, decimal Amortized)> Cost);

/// <summary>Reads Cost Explorer requests (periods, filters, group-bys) and sums <see cref="CostItem"/>s for them.</summary>
internal static class CostExplorerCube
{
    public const string Ec2Compute = "Amazon Elastic Compute Cloud - Compute";

    /// <summary>The DIMENSION group-bys GetCostAndUsage accepts, in the order AWS's validation message lists them.</summary>
    public static readonly IReadOnlyList<string> GroupByDimensions =
    [
        "AZ", "INSTANCE_TYPE", "LINKED_ACCOUNT", "OPERATION", "PURCHASE_TYPE", "SERVICE", "USAGE_TYPE", "PLATFORM", "TENANCY",
        "RECORD_TYPE", "LEGAL_ENTITY_NAME", "INVOICING_ENTITY", "DEPLOYMENT_OPTION", "DATABASE_ENGINE", "CACHE_ENGINE",
        "INSTANCE_TYPE_FAMILY", "REGION",
    ];

    private static readonly HashSet<string> UnblendedMetrics = new(StringComparer.Ordinal) { "UnblendedCost", "BlendedCost", "NetUnblendedCost" };
    private static readonly HashSet<string> AmortizedMetrics = new(StringComparer.Ordinal) { "AmortizedCost", "NetAmortizedCost" };

    public static IEnumerable<CostItem> Lines(SampleDataset d) =>
        d.CostLines.Select(line => new CostItem(line.Service, line.AccountId, line.Region, line.UsageType, null,
            day => SampleCostModel.Cost(d, line, day)));

    /// <summary>Running EC2 instances at list price per day since launch (resource-level data).</summary>
    public static IEnumerable<CostItem> Instances(SampleDataset d) =>
        d.Ec2Instances.Where(i => i.State == "running" && SampleCohRules.Ec2Hourly.ContainsKey(i.InstanceType))
            .Select(i =>
            {
                var daily = Math.Round(SampleCohRules.Ec2Hourly[i.InstanceType] * 24m * SampleCohRules.RegionFactor(i.Region), 4);
                var launched = i.LaunchTime is { } t ? DateOnly.FromDateTime(t.UtcDateTime) : DateOnly.MinValue;
                return new CostItem(Ec2Compute, i.AccountId, i.Region, "BoxUsage:" + i.InstanceType, i.InstanceId,
                    day => day >= launched && day >= d.CostDataStart && day < d.Today ? (daily, daily) : (0m, 0m));
            });

    public static DateOnly ParseDate(string? text, string member)
    {
        if (text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        throw new SampleServiceError("ValidationException", $"{member} is not a valid date: '{text}'");
    }

    public static (DateOnly Start, DateOnly End) Period(JsonObject input, string member = "TimePeriod", string start = "Start", string end = "End")
    {
        if (input[member] is not JsonObject period)
        {
            throw JsonServiceAnswers.Invalid("ValidationException", member, null, "Member must not be null");
        }

        var s = ParseDate(period.String(start), start);
        var e = ParseDate(period.String(end), end);
        return s < e ? (s, e) : throw new SampleServiceError("ValidationException", "Start date (and hour) should be before end date (and hour)");
    }

    public static string Granularity(JsonObject input, string? defaultValue)
    {
        var g = input.String("Granularity") ?? defaultValue
            ?? throw JsonServiceAnswers.Invalid("ValidationException", "granularity", null, "Member must not be null");
        return g switch
        {
            "DAILY" or "MONTHLY" => g,
            "HOURLY" => throw new SampleServiceError("ValidationException", "Hourly granularity is not enabled for this account"),
            _ => throw JsonServiceAnswers.Invalid("ValidationException", "granularity", g, "Member must satisfy enum value set: [DAILY, MONTHLY, HOURLY]"),
        };
    }

    /// <summary>[start, end) cut into days or calendar months (the first and last months clipped to the window).</summary>
    public static List<(DateOnly Start, DateOnly End)> Periods(DateOnly start, DateOnly end, string granularity)
    {
        var periods = new List<(DateOnly, DateOnly)>();
        for (var s = start; s < end;)
        {
            var next = granularity == "DAILY" ? s.AddDays(1) : new DateOnly(s.Year, s.Month, 1).AddMonths(1);
            var e = next < end ? next : end;
            periods.Add((s, e));
            s = e;
        }

        return periods;
    }

    public static IReadOnlyList<string> Metrics(JsonObject input, bool required)
    {
        var metrics = input.Strings("Metrics");
        if (metrics.Count == 0 && required)
        {
            throw new SampleServiceError("ValidationException", "Metrics must not be empty");
        }

        foreach (var m in metrics)
        {
            if (!UnblendedMetrics.Contains(m) && !AmortizedMetrics.Contains(m))
            {
                throw new SampleServiceError("ValidationException",
                    m is "UsageQuantity" or "NormalizedUsageAmount"
                        ? $"Metric {m} is valid in AWS but the sample account models cost metrics only"
                        : $"Invalid metric name: {m}");
            }
        }

        return metrics;
    }

    public static JsonObject MetricValues(IReadOnlyList<string> metrics, decimal unblended, decimal amortized)
    {
        var json = new JsonObject();
        foreach (var m in metrics)
        {
            json[m] = new JsonObject { ["Amount"] = SampleCohRules.Money(AmortizedMetrics.Contains(m) ? amortized : unblended), ["Unit"] = "USD" };
        }

        return json;
    }

    /// <summary>The filter expression as a predicate (Dimensions on SERVICE, LINKED_ACCOUNT, REGION, USAGE_TYPE, RESOURCE_ID; And/Or/Not).</summary>
    public static Func<CostItem, bool> Filter(JsonNode? expression)
    {
        if (expression is not JsonObject e)
        {
            return _ => true;
        }

        if (e["And"] is JsonArray and)
        {
            var parts = and.Select(Filter).ToList();
            return item => parts.All(p => p(item));
        }

        if (e["Or"] is JsonArray or)
        {
            var parts = or.Select(Filter).ToList();
            return item => parts.Any(p => p(item));
        }

        if (e["Not"] is JsonObject not)
        {
            var inner = Filter(not);
            return item => !inner(item);
        }

        if (e["Dimensions"] is JsonObject dimension)
        {
            var key = dimension.String("Key");
            var values = dimension.Strings("Values").ToHashSet(StringComparer.Ordinal);
            return key switch
            {
                "SERVICE" => item => values.Contains(item.Service),
                "LINKED_ACCOUNT" => item => values.Contains(item.AccountId),
                "REGION" => item => values.Contains(item.Region),
                "USAGE_TYPE" => item => values.Contains(item.UsageType),
                "RESOURCE_ID" => item => item.ResourceId is not null && values.Contains(item.ResourceId),
                _ => throw new SampleServiceError("ValidationException", $"the sample account does not model filters on dimension {key}"),
            };
        }

        throw new SampleServiceError("ValidationException", "Expression must have exactly one of And, Or, Not, Dimensions, Tags, CostCategories");
    }

    /// <summary>How each group-by names an item; <paramref name="allowResourceId"/> only for the resource-level operation.</summary>
    public static List<(string Type, string Key, Func<CostItem, string> Name)> GroupBy(JsonObject input, bool allowResourceId)
    {
        var groups = input["GroupBy"] is JsonArray array ? array.OfType<JsonObject>().ToList() : [];
        if (groups.Count > 2)
        {
            throw new SampleServiceError("ValidationException", "You can only group by up to two different groups");
        }

        return [.. groups.Select(g =>
        {
            var type = g.String("Type");
            var key = g.String("Key") ?? "";
            Func<CostItem, string> name = type switch
            {
                "TAG" => _ => key + "$",
                "DIMENSION" => key switch
                {
                    "SERVICE" => i => i.Service,
                    "LINKED_ACCOUNT" => i => i.AccountId,
                    "REGION" => i => i.Region,
                    "USAGE_TYPE" => i => i.UsageType.Length > 0 ? i.UsageType : "NoUsageType",
                    "RECORD_TYPE" => _ => "Usage",
                    "RESOURCE_ID" when allowResourceId => i => i.ResourceId ?? "NoResourceId",
                    _ when GroupByDimensions.Contains(key) =>
                        throw new SampleServiceError("ValidationException", $"the sample account does not model GroupBy {key}"),
                    _ => throw new SampleServiceError("ValidationException",
                        "Group Definition dimension is invalid. Valid values are " + string.Join(", ", GroupByDimensions)),
                },
                _ => throw new SampleServiceError("ValidationException", "Group Definition type is invalid."),
            };
            return (type!, key, name);
        })];
    }
}
