using System.Text;
using System.Text.RegularExpressions;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Scanning;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.SampleAccount.Hosting;

namespace FinOpsPack.Bench;

/// <summary>
/// Full list pages as the sample account's scale profile serves them (one region of <see cref="ScaleProfile.Large"/>), fetched
/// once over the signed loopback transport and kept in the temp folder, so every benchmark process parses the same bytes.
/// The <c>nextToken</c>/<c>Marker</c> is cut out so a client reads exactly one page.
/// </summary>
public static partial class XmlPages
{
    public const string Instances = "ec2-instances-1000";
    public const string Volumes = "ec2-volumes-500";
    public const string Metrics = "cloudwatch-metrics-500";
    public const string Databases = "rds-instances-100";

    private const string Region = "us-east-1";
    private static readonly DateTimeOffset Now = new(2026, 3, 18, 10, 30, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset MetricsStart = Now.UtcDateTime.Date.AddDays(-new ScanSettings().MetricWindowDays);
    public static readonly DateTimeOffset MetricsEnd = Now.UtcDateTime.Date;

    public static string Folder => Path.Combine(Path.GetTempPath(), "finops-bench-xml-v1");

    public static byte[] Load(string page)
    {
        var path = Path.Combine(Folder, page + ".xml");
        if (!File.Exists(path))
        {
            FetchAllAsync().GetAwaiter().GetResult();
        }

        return File.ReadAllBytes(path);
    }

    /// <summary>The 500 queries whose answer is the <see cref="Metrics"/> page (daily CPU of the region's running instances).</summary>
    public static IReadOnlyList<Core.Aws.Services.CloudWatch.MetricDataQuery> MetricQueries(IEnumerable<string> instanceIds) =>
    [
        .. instanceIds.Take(500).Select((id, n) => new Core.Aws.Services.CloudWatch.MetricDataQuery(
            "m" + n, "AWS/EC2", "CPUUtilization", [new("InstanceId", id)], 86_400, "Average")),
    ];

    private static async Task FetchAllAsync()
    {
        const string externalId = "bench-xml-external-id-0001";
        var dataset = SampleDataset.CreateScaled(Now, externalId, ScaleProfile.Large with { RegionCount = 1 });
        await using var server = await SampleAccountServer.StartAsync(new SampleAccountOptions { ExternalId = externalId, Dataset = dataset });
        var pipeline = new CallPipeline(new TransportOptions(), new NoAudit(), TimeProvider.System);
        var endpoints = new EndpointResolver(server.Endpoint, _ => null);
        var request = new ScanRequest
        {
            RoleArn = RoleArn.Parse(dataset.RoleArn),
            ExternalId = ExternalId.Parse(externalId),
            OutputDirectory = Path.GetTempPath(),
            EndpointUrl = server.Endpoint,
            CallerCredentials = new Amazon.Runtime.BasicAWSCredentials(server.Credentials.Caller.AccessKeyId, server.Credentials.Caller.SecretAccessKey),
            Environment = _ => null,
        };
        using var session = await AwsSession.OpenAsync(request, pipeline, endpoints, CancellationToken.None);
        using var transport = new AwsTransport(pipeline, session.Credentials, endpoints);

        async Task SaveAsync(string page, QueryForm form)
        {
            var response = await transport.SendAsync(form.ToRequest(Region), CancellationToken.None);
            var xml = Token().Replace(Encoding.UTF8.GetString(response.Body), "");
            Directory.CreateDirectory(Folder);
            await File.WriteAllTextAsync(Path.Combine(Folder, page + ".xml"), xml);
        }

        await SaveAsync(Instances, new QueryForm(AwsService.Ec2, "DescribeInstances").Add("MaxResults", 1000));
        await SaveAsync(Volumes, new QueryForm(AwsService.Ec2, "DescribeVolumes").Add("MaxResults", 500));
        await SaveAsync(Databases, new QueryForm(AwsService.Rds, "DescribeDBInstances").Add("MaxRecords", 100));
        var running = dataset.Ec2Instances.Where(i => i.Region == Region && i.State == "running").Select(i => i.InstanceId);
        await SaveAsync(Metrics, MetricForm(MetricQueries(running)));
    }

    private static QueryForm MetricForm(IReadOnlyList<Core.Aws.Services.CloudWatch.MetricDataQuery> queries)
    {
        var form = new QueryForm(AwsService.CloudWatch, "GetMetricData");
        for (var i = 0; i < queries.Count; i++)
        {
            var p = $"MetricDataQueries.member.{i + 1}";
            form.Add(p + ".Id", queries[i].Id)
                .Add(p + ".MetricStat.Metric.Namespace", queries[i].Namespace)
                .Add(p + ".MetricStat.Metric.MetricName", queries[i].MetricName)
                .Add(p + ".MetricStat.Metric.Dimensions.member.1.Name", queries[i].Dimensions[0].Name)
                .Add(p + ".MetricStat.Metric.Dimensions.member.1.Value", queries[i].Dimensions[0].Value)
                .Add(p + ".MetricStat.Period", queries[i].Period)
                .Add(p + ".MetricStat.Stat", queries[i].Stat);
        }

        return form.Add("StartTime", MetricsStart).Add("EndTime", MetricsEnd).Add("ScanBy", "TimestampAscending");
    }

    [GeneratedRegex("<(nextToken|NextToken|Marker)>[^<]*</(nextToken|NextToken|Marker)>")]
    private static partial Regex Token();

    private sealed class NoAudit : IAuditSink
    {
        public void Record(AuditRecord record)
        {
        }
    }
}
