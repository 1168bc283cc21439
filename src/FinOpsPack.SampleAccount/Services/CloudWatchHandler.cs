using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using FinOpsPack.Core.Aws;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.SampleAccount.Hosting;
using static FinOpsPack.SampleAccount.Services.QueryProtocolXml;

namespace FinOpsPack.SampleAccount.Services;

/// <summary>
/// CloudWatch GetMetricData over the query protocol, serving datapoints from <see cref="SampleDataset.MetricProfiles"/>
/// (keyed by the first dimension's value: instance, volume, NAT gateway id or DB identifier). A resource the dataset
/// knows is answered only in its own region, only from its creation on (and, for a stopped instance, until it stopped);
/// <see cref="SampleMetricProfile.MissingDays"/> drops the most recent days. Pages are cut by datapoints
/// (min(MaxDatapoints, 30 × MaxPageSize)); a query cut by a page boundary reports <c>PartialData</c> and continues on the next.
/// </summary>
public sealed partial class CloudWatchHandler : ISampleServiceHandler
{
    public const int MaxQueries = 500;
    public const int DatapointsPerPageFactor = 30;

    private static readonly string[] Operations = ["GetMetricData"];

    public AwsService Service => AwsService.CloudWatch;

    public string ThrottleCode => "Throttling";

    public string? ResolveOperation(SampleCall call) => Operation(call, Service, Operations);

    public Task HandleAsync(SampleCall call, string operation, CancellationToken ct)
    {
        if (!call.Form.TryGetValue("StartTime", out var rawStart))
        {
            return Error(call, "MissingParameter", "The parameter StartTime is required.");
        }

        if (!call.Form.TryGetValue("EndTime", out var rawEnd))
        {
            return Error(call, "MissingParameter", "The parameter EndTime is required.");
        }

        if (ParseTime(rawStart) is not { } start || ParseTime(rawEnd) is not { } end)
        {
            return Error(call, "InvalidParameterValue", "StartTime and EndTime must be ISO-8601 timestamps.");
        }

        if (end <= start)
        {
            return Error(call, "InvalidParameterValue", "The parameter StartTime must be less than the parameter EndTime.");
        }

        var queries = new List<Query>();
        for (var i = 1; call.Form.TryGetValue($"MetricDataQueries.member.{i}.Id", out var id); i++)
        {
            var p = $"MetricDataQueries.member.{i}";
            if (call.Form.ContainsKey(p + ".Expression"))
            {
                return Error(call, "ValidationError", "The sample account does not evaluate metric math expressions.");
            }

            if (!QueryId().IsMatch(id))
            {
                return Error(call, "ValidationError", $"The value {id} for parameter MetricDataQueries.member.{i}.Id is not valid.");
            }

            call.Form.TryGetValue(p + ".MetricStat.Period", out var rawPeriod);
            if (!int.TryParse(rawPeriod, NumberStyles.None, CultureInfo.InvariantCulture, out var period) || period < 60 || period % 60 != 0)
            {
                return Error(call, "ValidationError", $"The parameter {p}.MetricStat.Period must be a multiple of 60.");
            }

            var dimensions = new List<string>();
            for (var d = 1; call.Form.TryGetValue($"{p}.MetricStat.Metric.Dimensions.member.{d}.Value", out var value); d++)
            {
                dimensions.Add(value);
            }

            queries.Add(new Query(
                id,
                call.Form.GetValueOrDefault(p + ".MetricStat.Metric.Namespace") ?? "",
                call.Form.GetValueOrDefault(p + ".MetricStat.Metric.MetricName") ?? "",
                dimensions,
                period,
                call.Form.GetValueOrDefault(p + ".MetricStat.Stat") ?? ""));
        }

        if (queries.Count == 0)
        {
            return Error(call, "MissingParameter", "The parameter MetricDataQueries is required.");
        }

        if (queries.Count > MaxQueries)
        {
            return Error(call, "ValidationError",
                $"1 validation error detected: Value at 'metricDataQueries' failed to satisfy constraint: Member must have length less than or equal to {MaxQueries}");
        }

        if (queries.Select(q => q.Id).Distinct(StringComparer.Ordinal).Count() != queries.Count)
        {
            return Error(call, "ValidationError", "The values for parameter id in MetricDataQueries are not unique.");
        }

        var maxDatapoints = 100_800;
        if (call.Form.TryGetValue("MaxDatapoints", out var rawMax)
            && (!int.TryParse(rawMax, NumberStyles.None, CultureInfo.InvariantCulture, out maxDatapoints) || maxDatapoints < 1))
        {
            return Error(call, "InvalidParameterValue", "The parameter MaxDatapoints must be a positive integer.");
        }

        var scope = Scope(call, "NextToken");
        var (queryIndex, pointIndex) = (0, 0);
        if (call.Form.TryGetValue("NextToken", out var token))
        {
            var state = State(token, scope)?.Split(':');
            if (state is not [var q, var pt]
                || !int.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out queryIndex)
                || !int.TryParse(pt, NumberStyles.None, CultureInfo.InvariantCulture, out pointIndex)
                || queryIndex >= queries.Count)
            {
                return Error(call, "InvalidNextToken", "The NextToken is not valid for this request.");
            }
        }

        var descending = call.Form.GetValueOrDefault("ScanBy") != "TimestampAscending";
        var budget = Math.Min(maxDatapoints, DatapointsPerPageFactor * call.Dataset.MaxPageSize);
        var results = new List<XElement>();
        string? next = null;
        for (var qi = queryIndex; qi < queries.Count; qi++)
        {
            var points = Points(call, queries[qi], start, end);
            if (descending)
            {
                points.Reverse();
            }

            var from = qi == queryIndex ? pointIndex : 0;
            var take = Math.Min(budget, points.Count - from);
            var partial = from + take < points.Count;
            results.Add(Result(queries[qi], points.Skip(from).Take(take), partial ? "PartialData" : "Complete"));
            budget -= take;
            if (partial)
            {
                next = Token(scope, $"{qi}:{from + take}");
                break;
            }

            if (budget == 0 && qi + 1 < queries.Count)
            {
                next = Token(scope, $"{qi + 1}:0");
                break;
            }
        }

        return WriteResultAsync(call, Service, "GetMetricData",
            new XElement("MetricDataResults", results),
            next is null ? null : new XElement("NextToken", next),
            new XElement("Messages"));
    }

    /// <summary>The datapoints of one query, oldest first.</summary>
    private static List<(DateTimeOffset Time, double Value)> Points(SampleCall call, Query q, DateTimeOffset start, DateTimeOffset end)
    {
        var dataset = call.Dataset;
        if (q.Dimensions.Count == 0 || !dataset.MetricProfiles.TryGetValue(q.Dimensions[0], out var profile)
            || Value(profile, q) is not { } perDay)
        {
            return [];
        }

        var (region, created, stopped) = MetricResourceLookup.Find(dataset, q.Dimensions[0]);
        if (region is not null && region != call.Region)
        {
            return [];
        }

        var dataEnd = profile.MissingDays > 0
            ? new DateTimeOffset(dataset.Now.UtcDateTime.Date, TimeSpan.Zero).AddDays(-profile.MissingDays)
            : dataset.Now;
        var value = IsSum(q) ? perDay * q.Period / 86_400 : perDay;
        var points = new List<(DateTimeOffset, double)>();
        for (var t = start; t < end; t = t.AddSeconds(q.Period))
        {
            if (t < dataEnd && (created is null || t.AddSeconds(q.Period) > created) && (stopped is null || t < stopped))
            {
                points.Add((t, value));
            }
        }

        return points;
    }

    /// <summary>The profile's daily figure for a metric and statistic; null when the profile does not model it.</summary>
    private static double? Value(SampleMetricProfile p, Query q) => (q.Namespace, q.MetricName, q.Stat) switch
    {
        ("AWS/EC2" or "AWS/RDS", "CPUUtilization", "Average") => p.CpuAveragePercent,
        ("AWS/EC2" or "AWS/RDS", "CPUUtilization", "Maximum") => p.CpuMaxPercent,
        ("AWS/RDS", "DatabaseConnections", "Maximum") => p.DbConnectionsMax,
        ("AWS/NATGateway", "BytesOutToDestination", "Sum") => p.NatBytesOutPerDay,
        ("AWS/EBS", "VolumeReadOps" or "VolumeWriteOps", "Sum") => p.VolumeOpsPerDay / 2,
        _ => null,
    };

    private static bool IsSum(Query q) => q.Stat == "Sum";

    private static XElement Result(Query q, IEnumerable<(DateTimeOffset Time, double Value)> points, string status)
    {
        var list = points.ToList();
        return new XElement("member",
            new XElement("Id", q.Id),
            new XElement("Label", q.MetricName),
            List("Timestamps", list.Select(p => (object?)p.Time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))),
            List("Values", list.Select(p => (object?)Number(p.Value))),
            new XElement("StatusCode", status));
    }

    private static DateTimeOffset? ParseTime(string raw) =>
        DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : null;

    private Task Error(SampleCall call, string code, string message) => WriteErrorAsync(call, Service, 400, code, message);

    [GeneratedRegex("^[a-z][a-zA-Z0-9_]{0,254}$")]
    private static partial Regex QueryId();

    private sealed record Query(string Id, string Namespace, string MetricName, IReadOnlyList<string> Dimensions, int Period, string Stat);
}
