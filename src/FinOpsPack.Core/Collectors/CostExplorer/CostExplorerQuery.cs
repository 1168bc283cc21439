using System.Globalization;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Services.CostExplorer;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.CostExplorer;

/// <summary>What the Cost Explorer collectors share: the windows they ask for, the metrics, and reading amounts.</summary>
internal static class CostExplorerQuery
{
    public const string UnblendedCost = "UnblendedCost";
    public const string AmortizedCost = "AmortizedCost";
    public const string Ec2ComputeService = "Amazon Elastic Compute Cloud - Compute";

    /// <summary>The cost metrics of the baseline, as Cost Explorer names them.</summary>
    public static readonly IReadOnlyList<string> Metrics = [UnblendedCost, AmortizedCost];

    /// <summary>Today in UTC (Cost Explorer's day boundary); today's partial costs are not asked for.</summary>
    public static DateOnly Today(CollectorContext context) => DateOnly.FromDateTime(context.Time.GetUtcNow().UtcDateTime);

    public static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    public static string Format(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateInterval Interval(DateOnly start, DateOnly endExclusive) => new(Format(start), Format(endExclusive));

    /// <summary>Reads <c>yyyy-MM-dd</c> or a timestamp starting with it (anomaly dates carry a time).</summary>
    public static DateOnly? Date(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : null;

    public static DateOnly RequiredDate(string? text, string operation) =>
        Date(text) ?? throw Malformed(operation, $"unreadable date '{text}'");

    /// <summary>Amounts are decimal strings, sometimes in exponent form; garbage fails the collector, never reads as 0.</summary>
    public static decimal? Amount(string? text, string operation)
    {
        if (text is null)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Malformed(operation, $"unreadable amount '{text}'");
    }

    public static AwsServiceException Malformed(string operation, string message) =>
        new(AwsErrorCodes.MalformedResponse, message, System.Net.HttpStatusCode.OK, null, AwsService.CostExplorer.ActionFor(operation));

    /// <summary>
    /// Writes one collector's part of the <see cref="CostBaseline"/>. The Cost Explorer collectors run concurrently and
    /// each owns some members; the currency comes from the first <c>Unit</c> seen and a second one is noted.
    /// </summary>
    public static void MergeBaseline(CollectorContext context, string? currency, Func<CostBaseline, CostBaseline> apply)
    {
        lock (BaselineGate)
        {
            var current = context.Inventory.Get<CostBaseline>() ?? Empty;
            if (currency is { Length: > 0 })
            {
                if (current.Currency.Length == 0)
                {
                    current = current with { Currency = currency };
                }
                else if (current.Currency != currency)
                {
                    context.Note($"Cost Explorer answered in {currency} here and {current.Currency} elsewhere; amounts are not converted");
                }
            }

            context.Inventory.Set(apply(current));
        }
    }

    /// <summary>The units of a set of amounts; more than one is noted by the caller.</summary>
    public static string? SingleUnit(IEnumerable<string?> units, CollectorContext context)
    {
        var distinct = units.Where(u => !string.IsNullOrEmpty(u)).Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count > 1)
        {
            context.Note("Cost Explorer returned amounts in several units: " + string.Join(", ", distinct));
        }

        return distinct.FirstOrDefault();
    }

    private static readonly object BaselineGate = new();

    private static readonly CostBaseline Empty = new("", Metrics, [], [], [], [], null, null, null, [], null);
}
