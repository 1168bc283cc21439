using System.Net;
using System.Xml.Linq;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.SampleAccount.Services;

/// <summary>The RDS, IAM and CloudWatch handlers refuse what AWS refuses, in AWS's query error dialect.</summary>
public sealed class QueryHandlerErrorTests
{
    private static AwsRequest Request(AwsService service, string region, params (string Key, string Value)[] fields)
    {
        var form = new QueryForm(service, fields[0].Value);
        foreach (var (key, value) in fields.Skip(1))
        {
            form.Add(key, value);
        }

        return form.ToRequest(region);
    }

    private static readonly (string, string)[] CloudWatchWindow = [("StartTime", "2026-03-04T00:00:00Z"), ("EndTime", "2026-03-18T00:00:00Z")];

    public static TheoryData<string, string, int, string> Cases => new()
    {
        { "rds MaxRecords below 20", "rds|DescribeDBInstances|MaxRecords=19", 400, "InvalidParameterValue" },
        { "rds MaxRecords above 100", "rds|DescribeDBSnapshots|MaxRecords=101", 400, "InvalidParameterValue" },
        { "rds unknown instance", "rds|DescribeDBInstances|DBInstanceIdentifier=nope", 404, "DBInstanceNotFound" },
        { "rds unknown snapshot", "rds|DescribeDBSnapshots|DBSnapshotIdentifier=nope", 404, "DBSnapshotNotFound" },
        { "rds unknown filter", "rds|DescribeDBInstances|Filters.Filter.1.Name=colour|Filters.Filter.1.Values.Value.1=red", 400, "InvalidParameterValue" },
        { "rds forged marker", "rds|DescribeDBInstances|Marker=bm90IG91cnM=", 400, "InvalidParameterValue" },
        { "rds bad snapshot type", "rds|DescribeDBSnapshots|SnapshotType=weekly", 400, "InvalidParameterValue" },
        { "iam MaxItems 0", "iam|GetAccountAuthorizationDetails|MaxItems=0", 400, "ValidationError" },
        { "iam unknown filter", "iam|GetAccountAuthorizationDetails|Filter.member.1=Robot", 400, "ValidationError" },
        { "iam forged marker", "iam|GetAccountAuthorizationDetails|Marker=xyz", 400, "ValidationError" },
        { "cloudwatch no StartTime", "monitoring|GetMetricData|EndTime=2026-03-18T00:00:00Z", 400, "MissingParameter" },
        { "cloudwatch no queries", "monitoring|GetMetricData|StartTime=2026-03-04T00:00:00Z|EndTime=2026-03-18T00:00:00Z", 400, "MissingParameter" },
        { "cloudwatch reversed window", "monitoring|GetMetricData|StartTime=2026-03-18T00:00:00Z|EndTime=2026-03-04T00:00:00Z", 400, "InvalidParameterValue" },
        { "cloudwatch bad id", "monitoring|GetMetricData|W|MetricDataQueries.member.1.Id=Q1|MetricDataQueries.member.1.MetricStat.Period=86400", 400, "ValidationError" },
        { "cloudwatch bad period", "monitoring|GetMetricData|W|MetricDataQueries.member.1.Id=q1|MetricDataQueries.member.1.MetricStat.Period=90", 400, "ValidationError" },
        { "cloudwatch duplicate ids", "monitoring|GetMetricData|W|MetricDataQueries.member.1.Id=q1|MetricDataQueries.member.1.MetricStat.Period=60|MetricDataQueries.member.2.Id=q1|MetricDataQueries.member.2.MetricStat.Period=60", 400, "ValidationError" },
        { "cloudwatch forged token", "monitoring|GetMetricData|W|MetricDataQueries.member.1.Id=q1|MetricDataQueries.member.1.MetricStat.Period=60|NextToken=abc", 400, "InvalidNextToken" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Should_Answer_With_A_Query_Error_When_The_Request_Is_Refused(string name, string spec, int status, string code)
    {
        // Given
        var parts = spec.Split('|');
        var service = AwsService.FindBySigningName(parts[0])!;
        var fields = new List<(string, string)> { ("Action", parts[1]) };
        foreach (var p in parts.Skip(2))
        {
            if (p == "W")
            {
                fields.AddRange(CloudWatchWindow);
                continue;
            }

            fields.Add((p[..p.IndexOf('=', StringComparison.Ordinal)], p[(p.IndexOf('=', StringComparison.Ordinal) + 1)..]));
        }

        // When
        var (actualStatus, body, call) = await InProcessSampleAccount.Create().ServeAsync(Request(service, "us-east-1", [.. fields]), default);

        // Then: the status, and a body the transport's query error parser reads back to the same code and request id
        Assert.True(status == actualStatus, $"{name}: HTTP {actualStatus}: {body}");
        var parsed = AwsErrorParser.Parse(AwsProtocol.Query, (HttpStatusCode)actualStatus, new Dictionary<string, string>(), System.Text.Encoding.UTF8.GetBytes(body));
        Assert.Equal(code, parsed.Code);
        Assert.Equal(call.RequestId, parsed.RequestId);
        Assert.False(string.IsNullOrEmpty(parsed.Message));
    }

    [Theory]
    [InlineData("rds-describe-db-instances.xml", "rds", "DescribeDBInstances", "DBInstanceIdentifier")]
    [InlineData("iam-get-user.xml", "iam", "GetAccountAuthorizationDetails", "MaxItems")]
    public async Task Should_Shape_Errors_Like_The_Real_Error_Bodies_When_Refusing(string fixture, string signingName, string operation, string field)
    {
        // Given a real AWS error body of the service
        var real = XDocument.Load(Path.Combine(RepoPaths.AwsFixtures, "response-samples", "errors", fixture)).Root!;
        var service = AwsService.FindBySigningName(signingName)!;

        // When the handler refuses a request
        var (_, body, _) = await InProcessSampleAccount.Create().ServeAsync(Request(service, "us-east-1", ("Action", operation), (field, "0")), default);
        var ours = XDocument.Parse(body).Root!;

        // Then the same element structure, in the service's own namespace family
        Assert.Equal(Shape(real), Shape(ours));
        Assert.StartsWith(real.Name.NamespaceName[..real.Name.NamespaceName.IndexOf("/doc/", StringComparison.Ordinal)], ours.Name.NamespaceName, StringComparison.Ordinal);
        Assert.Equal("Sender", ours.Descendants().Single(e => e.Name.LocalName == "Type").Value);
    }

    /// <summary>Element paths by local name, e.g. <c>ErrorResponse/Error/Code</c>.</summary>
    private static List<string> Shape(XElement root) =>
        [.. root.DescendantsAndSelf().Select(e => string.Join('/', e.AncestorsAndSelf().Reverse().Select(a => a.Name.LocalName))).Order(StringComparer.Ordinal)];
}
