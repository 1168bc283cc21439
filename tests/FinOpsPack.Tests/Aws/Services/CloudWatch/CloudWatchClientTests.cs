using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Services.CloudWatch;

namespace FinOpsPack.Tests.Aws.Services.CloudWatch;

public sealed class CloudWatchClientTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2026, 3, 18, 0, 0, 0, TimeSpan.Zero);

    private static MetricDataQuery Cpu(string id, string instance, string stat = "Average") =>
        new(id, "AWS/EC2", "CPUUtilization", [new MetricDimension("InstanceId", instance)], 86400, stat);

    private static string Page(string results, string? nextToken) =>
        $"""
        <GetMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
          <GetMetricDataResult>
            <MetricDataResults>{results}</MetricDataResults>
            {(nextToken is null ? "" : $"<NextToken>{nextToken}</NextToken>")}
            <Messages/>
          </GetMetricDataResult>
          <ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>
        </GetMetricDataResponse>
        """;

    [Fact]
    public void Should_Serialize_Queries_As_Member_Lists_With_Iso_Times_When_Building_The_Form()
    {
        var body = CloudWatchClient.Form([Cpu("m0", "i-0abc"), Cpu("m1", "i-0abc", "Maximum")], Start, End, "tok+/=").Encode();

        Assert.Equal(
            "Action=GetMetricData&Version=2010-08-01"
            + "&MetricDataQueries.member.1.Id=m0&MetricDataQueries.member.1.MetricStat.Metric.Namespace=AWS%2FEC2"
            + "&MetricDataQueries.member.1.MetricStat.Metric.MetricName=CPUUtilization"
            + "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name=InstanceId"
            + "&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value=i-0abc"
            + "&MetricDataQueries.member.1.MetricStat.Period=86400&MetricDataQueries.member.1.MetricStat.Stat=Average"
            + "&MetricDataQueries.member.2.Id=m1&MetricDataQueries.member.2.MetricStat.Metric.Namespace=AWS%2FEC2"
            + "&MetricDataQueries.member.2.MetricStat.Metric.MetricName=CPUUtilization"
            + "&MetricDataQueries.member.2.MetricStat.Metric.Dimensions.member.1.Name=InstanceId"
            + "&MetricDataQueries.member.2.MetricStat.Metric.Dimensions.member.1.Value=i-0abc"
            + "&MetricDataQueries.member.2.MetricStat.Period=86400&MetricDataQueries.member.2.MetricStat.Stat=Maximum"
            + "&StartTime=2026-03-04T00%3A00%3A00Z&EndTime=2026-03-18T00%3A00%3A00Z&ScanBy=TimestampAscending&NextToken=tok%2B%2F%3D",
            body);
    }

    [Fact]
    public async Task Should_Yield_Every_Part_When_A_Result_Spans_Pages()
    {
        // Given: m0 cut after two datapoints (PartialData), continued on the next page
        var first = Page("""
            <member><Id>m0</Id><Label>CPUUtilization</Label>
              <Timestamps><member>2026-03-04T00:00:00Z</member><member>2026-03-05T00:00:00Z</member></Timestamps>
              <Values><member>1.5</member><member>2.5</member></Values><StatusCode>PartialData</StatusCode></member>
            """, "next-1");
        var second = Page("""
            <member><Id>m0</Id><Label>CPUUtilization</Label>
              <Timestamps><member>2026-03-06T00:00:00Z</member></Timestamps><Values><member>4E0</member></Values><StatusCode>Complete</StatusCode></member>
            <member><Id>m1</Id><Label>CPUUtilization</Label><Timestamps/><Values/><StatusCode>Complete</StatusCode></member>
            """, null);
        var transport = new CannedTransport(first, second);

        // When
        var parts = await new CloudWatchClient(transport, "eu-west-1").GetMetricDataAsync([Cpu("m0", "i-1"), Cpu("m1", "i-2")], Start, End).ToListAsync();

        // Then
        Assert.Equal(["m0", "m0", "m1"], parts.Select(p => p.Id));
        Assert.Equal(["PartialData", "Complete", "Complete"], parts.Select(p => p.StatusCode));
        Assert.Equal([1.5, 2.5, 4.0], parts.SelectMany(p => p.Values));
        Assert.Equal(new DateTimeOffset(2026, 3, 6, 0, 0, 0, TimeSpan.Zero), parts[1].Timestamps.Single());
        Assert.EndsWith("&NextToken=next-1", transport.Forms[1]);
        Assert.All(transport.Requests, r => Assert.Equal("monitoring", r.Service.SigningName));
        Assert.All(transport.Requests, r => Assert.Equal("cloudwatch:GetMetricData", r.Action));
    }

    [Theory]
    [InlineData("<member><Id>m0</Id><Timestamps><member>2026-03-04T00:00:00Z</member></Timestamps><Values/><StatusCode>Complete</StatusCode></member>")]
    [InlineData("<member><Id>m0</Id><Timestamps><member>2026-03-04T00:00:00Z</member></Timestamps><Values><member>high</member></Values><StatusCode>Complete</StatusCode></member>")]
    [InlineData("<member><Id>m0</Id><Timestamps/><Values/></member>")]
    [InlineData("<member><Timestamps/><Values/><StatusCode>Complete</StatusCode></member>")]
    public async Task Should_Throw_AwsServiceException_When_A_Result_Is_Garbage(string results)
    {
        var client = new CloudWatchClient(new CannedTransport(Page(results, null)), "us-east-1");

        var e = await Assert.ThrowsAsync<AwsServiceException>(() => client.GetMetricDataAsync([Cpu("m0", "i-1")], Start, End).ToListAsync().AsTask());

        Assert.Equal(AwsErrorCodes.MalformedResponse, e.ErrorCode);
    }

    [Fact]
    public void Should_Refuse_More_Than_500_Queries_When_Asked_For_One_Call()
    {
        var queries = Enumerable.Range(0, 501).Select(i => Cpu("m" + i, "i-" + i)).ToList();

        Assert.Throws<ArgumentOutOfRangeException>(() => new CloudWatchClient(new CannedTransport(), "us-east-1").GetMetricDataAsync(queries, Start, End));
    }

    [Theory]
    [InlineData("M0")]
    [InlineData("0m")]
    [InlineData("m-0")]
    public void Should_Refuse_Ids_CloudWatch_Rejects_When_Validating(string id) =>
        Assert.Throws<ArgumentException>(() => new CloudWatchClient(new CannedTransport(), "us-east-1").GetMetricDataAsync([Cpu(id, "i-1")], Start, End));
}
