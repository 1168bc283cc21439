using System.Globalization;
using System.Xml.Linq;
using FinOpsPack.Core.Aws.Protocol;

namespace FinOpsPack.Core.Aws.Services.CloudWatch;

public sealed record MetricDimension(string Name, string Value);

/// <summary>A <c>MetricDataQuery</c> with a <c>MetricStat</c> (no math expressions: FinOps Pack only reads raw metrics).</summary>
/// <param name="Id">Unique in the call; starts with a lower-case letter, then letters, digits and underscores.</param>
public sealed record MetricDataQuery(
    string Id, string Namespace, string MetricName, IReadOnlyList<MetricDimension> Dimensions, int Period, string Stat);

/// <summary>
/// One <c>MetricDataResult</c> as one page returned it. A query's datapoints may be split over pages: earlier parts carry
/// StatusCode <c>PartialData</c>; <see cref="CloudWatchClient.GetMetricDataAsync"/> yields every part in page order.
/// </summary>
public sealed record MetricDataResult(
    string Id,
    string? Label,
    IReadOnlyList<DateTimeOffset> Timestamps,
    IReadOnlyList<double> Values,
    string StatusCode,
    IReadOnlyList<string> Messages)
{
    internal static MetricDataResult From(XElement e)
    {
        var id = e.Text("Id") is { Length: > 0 } s ? s : throw new FormatException("MetricDataResult without Id");
        var timestamps = e.Members("Timestamps").Select(t => DateTimeOffset.Parse(
            t.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)).ToList();
        var values = e.Members("Values").Select(v => double.Parse(v.Value, NumberStyles.Float, CultureInfo.InvariantCulture)).ToList();
        if (timestamps.Count != values.Count)
        {
            throw new FormatException($"MetricDataResult {id}: {timestamps.Count} timestamps but {values.Count} values");
        }

        return new MetricDataResult(
            id,
            e.Text("Label"),
            timestamps,
            values,
            e.Text("StatusCode") ?? throw new FormatException($"MetricDataResult {id} without StatusCode"),
            [.. e.Members("Messages").Select(m => m.Text("Code") + ": " + m.Text("Value"))]);
    }
}

public sealed record GetMetricDataPage(IReadOnlyList<MetricDataResult> MetricDataResults, string? NextToken)
{
    internal static GetMetricDataPage From(XElement r) =>
        new([.. r.Members("MetricDataResults").Select(MetricDataResult.From)], r.Text("NextToken") is { Length: > 0 } t ? t : null);
}
