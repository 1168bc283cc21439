using System.Net;
using System.Xml;
using System.Xml.Linq;
using BenchmarkDotNet.Attributes;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Services.CloudWatch;
using FinOpsPack.Core.Aws.Services.Ec2;
using FinOpsPack.Core.Aws.Services.Rds;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Bench;

/// <summary>
/// One full list page parsed by its client into typed records, against two baselines over the same bytes: a bare
/// <see cref="XmlReader"/> read-through (the floor: tokenising alone) and <see cref="XDocument.Load(XmlReader)"/>.
/// <see cref="ClientEmptyPage"/> makes the same call answered by an empty page: what the client spends outside parsing
/// (building the request form: 500 metric queries are a form of some 100 KB).
/// </summary>
[MemoryDiagnoser]
public class XmlParseBenchmarks
{
    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true };

    private byte[] _body = null!;
    private PageTransport _transport = null!;
    private PageTransport _emptyTransport = null!;
    private IReadOnlyList<MetricDataQuery> _queries = null!;

    [Params(XmlPages.Instances, XmlPages.Volumes, XmlPages.Metrics, XmlPages.Databases)]
    public string Page { get; set; } = XmlPages.Instances;

    [GlobalSetup]
    public void Setup()
    {
        _body = XmlPages.Load(Page);
        _transport = new PageTransport(_body);
        _emptyTransport = new PageTransport(System.Text.Encoding.UTF8.GetBytes(Page switch
        {
            XmlPages.Instances => "<DescribeInstancesResponse><reservationSet/></DescribeInstancesResponse>",
            XmlPages.Volumes => "<DescribeVolumesResponse><volumeSet/></DescribeVolumesResponse>",
            XmlPages.Metrics => "<GetMetricDataResponse><GetMetricDataResult><MetricDataResults/></GetMetricDataResult></GetMetricDataResponse>",
            _ => "<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances/></DescribeDBInstancesResult></DescribeDBInstancesResponse>",
        }));
        var ids = XDocument.Parse(System.Text.Encoding.UTF8.GetString(XmlPages.Load(XmlPages.Metrics)))
            .Descendants().Where(e => e.Name.LocalName == "Id").Select(e => e.Value).ToList();
        _queries = [.. ids.Select(id => new MetricDataQuery(id, "AWS/EC2", "CPUUtilization", [new("InstanceId", "i-0")], 86_400, "Average"))];
    }

    [Benchmark(Baseline = true)]
    public int XmlReaderReadThrough()
    {
        using var stream = new MemoryStream(_body, writable: false);
        using var reader = XmlReader.Create(stream, ReaderSettings);
        var nodes = 0;
        while (reader.Read())
        {
            nodes++;
        }

        return nodes;
    }

    [Benchmark]
    public int XDocumentLoad()
    {
        using var stream = new MemoryStream(_body, writable: false);
        using var reader = XmlReader.Create(stream, ReaderSettings);
        return XDocument.Load(reader).Root!.Elements().Count();
    }

    [Benchmark]
    public Task<int> ClientParse() => CallAsync(_transport);

    [Benchmark]
    public Task<int> ClientEmptyPage() => CallAsync(_emptyTransport);

    private async Task<int> CallAsync(PageTransport transport)
    {
        var count = 0;
        switch (Page)
        {
            case XmlPages.Instances:
                await foreach (var reservation in new Ec2Client(transport, "us-east-1").DescribeInstancesAsync([], CancellationToken.None))
                {
                    count += reservation.Instances.Count;
                }

                break;
            case XmlPages.Volumes:
                await foreach (var unused in new Ec2Client(transport, "us-east-1").DescribeVolumesAsync([], CancellationToken.None))
                {
                    count++;
                }

                break;
            case XmlPages.Metrics:
                var page = await new CloudWatchClient(transport, "us-east-1")
                    .GetMetricDataPageAsync(_queries, XmlPages.MetricsStart, XmlPages.MetricsEnd, null, CancellationToken.None);
                count = page.MetricDataResults.Sum(r => r.Values.Count);
                break;
            default:
                var rds = await new RdsClient(transport, "us-east-1").DescribeDBInstancesPageAsync(null, RdsClient.MaxRecords, null, CancellationToken.None);
                count = rds.Items.Count;
                break;
        }

        return count;
    }

    /// <summary>Answers every request with the same page, as the network would have delivered it (bytes in hand).</summary>
    private sealed class PageTransport(byte[] body) : IAwsTransport
    {
        private static readonly Dictionary<string, string> NoHeaders = [];

        public Task<AwsResponse> SendAsync(AwsRequest request, CancellationToken ct) =>
            Task.FromResult(new AwsResponse(HttpStatusCode.OK, "bench", body, NoHeaders));

        public Uri ResolveEndpoint(AwsService service, string region) => new("http://bench.invalid/");

        public Task<T> InvokeSdkAsync<T>(AwsService service, string region, string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct) =>
            throw new NotSupportedException();
    }
}
