using System.Text.Json;
using FinOpsPack.SampleAccount.Hosting;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Scanning;

public sealed class DemoScanTests
{
    [Fact]
    public async Task Should_Write_One_Audit_Line_Per_Call_The_Sample_Account_Served_When_Scanning_It()
    {
        // Given the sample account
        await using var harness = await SampleAccountHarness.StartAsync();
        var request = harness.Request();

        // When it is scanned
        var result = await harness.ScanAsync(request);

        // Then the trail has one record per served request, each naming its action, region and request id
        var records = (await File.ReadAllLinesAsync(Path.Combine(request.OutputDirectory, "audit.jsonl")))
            .Skip(1).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(harness.Server.Served, records.Count);
        Assert.True(records.Count > 20, $"only {records.Count} calls: are the collectors there?");
        Assert.All(records, r =>
        {
            // S3 answers a bucket without lifecycle rules with 404 NoSuchLifecycleConfiguration (AWSSDK.S3 returns it as an
            // empty configuration, so no error code), and the dataset denies one bucket's lifecycle read (AccessDenied).
            var lifecycleRead = r.GetProperty("action").GetString() == "s3:GetLifecycleConfiguration";
            var status = r.GetProperty("httpStatus").GetInt32();
            var errorCode = r.TryGetProperty("errorCode", out var code) ? code.GetString() : null;
            Assert.True(
                status == 200 || (lifecycleRead && ((status == 404 && errorCode is null) || (status == 403 && errorCode == "AccessDenied"))),
                $"{r.GetProperty("action").GetString()} answered {status} {errorCode}");
            Assert.False(string.IsNullOrEmpty(r.GetProperty("requestId").GetString()));
            Assert.Equal(1, r.GetProperty("attempts").GetInt32());
        });
        var servedActions = harness.Server.ServedByAction.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var auditedActions = records.GroupBy(r => r.GetProperty("action").GetString()!)
            .Select(g => new KeyValuePair<string, int>(g.Key, g.Count())).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        Assert.Equal(servedActions, auditedActions);
        Assert.Equal(result.Api.Calls, records.Count);
    }

    [Fact]
    public async Task Should_Overlap_Calls_Of_Independent_Collectors_When_Latency_Is_Injected()
    {
        // Given 20 ms of latency on every call
        await using var harness = await SampleAccountHarness.StartAsync(new FaultPlan { Latency = TimeSpan.FromMilliseconds(20) });
        var request = harness.Request();

        // When it is scanned
        await harness.ScanAsync(request);

        // Then calls of different collectors were in flight at the same time (nothing waited on what it does not need)
        var calls = (await File.ReadAllLinesAsync(Path.Combine(request.OutputDirectory, "audit.jsonl"))).Skip(1)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(r => r.TryGetProperty("collector", out _))
            .Select(r => (Collector: r.GetProperty("collector").GetString()!, Start: r.GetProperty("time").GetDateTimeOffset(),
                End: r.GetProperty("time").GetDateTimeOffset().AddMilliseconds(r.GetProperty("durationMs").GetDouble())))
            .ToList();
        var maxOverlap = calls.Max(c => calls.Count(o => o.Start < c.End && c.Start < o.End));
        var collectorsOverlapping = calls.SelectMany(c => calls.Where(o => o.Collector != c.Collector && o.Start < c.End && c.Start < o.End)).Select(o => o.Collector).Distinct().Count();
        Assert.True(maxOverlap >= 4, $"at most {maxOverlap} calls were ever in flight together");
        Assert.True(collectorsOverlapping >= 4, $"only {collectorsOverlapping} collectors ever overlapped");
    }
}
