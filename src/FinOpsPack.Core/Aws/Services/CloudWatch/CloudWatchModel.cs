using System.Globalization;
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
    /// <summary>Reads one result: timestamps and values straight into arrays of the page's own sizes (no LINQ, no pooled buffers).</summary>
    internal static MetricDataResult From(XmlItem e)
    {
        var id = e.Text("Id") is { Length: > 0 } s ? s : throw new FormatException("MetricDataResult without Id");
        var timestamps = e.Members("Timestamps").Map(t => AwsXml.ParseTime(t.Value!));
        var values = e.Members("Values").Map(v => double.Parse(v.Value!, NumberStyles.Float, CultureInfo.InvariantCulture));
        if (timestamps.Length != values.Length)
        {
            throw new FormatException($"MetricDataResult {id}: {timestamps.Length} timestamps but {values.Length} values");
        }

        return new MetricDataResult(
            id,
            e.Text("Label"),
            timestamps,
            values,
            e.Token("StatusCode") ?? throw new FormatException($"MetricDataResult {id} without StatusCode"),
            e.Members("Messages").Map(m => m.Text("Code") + ": " + m.Text("Value")));
    }
}

public sealed record GetMetricDataPage(IReadOnlyList<MetricDataResult> MetricDataResults, string? NextToken);
