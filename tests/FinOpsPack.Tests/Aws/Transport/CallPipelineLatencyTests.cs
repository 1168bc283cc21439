using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Tests.Aws.Transport;

public sealed class CallPipelineLatencyTests
{
    [Fact]
    public async Task Should_Count_Only_The_Round_Trip_In_Latency_When_A_Call_Waited_For_A_Slot()
    {
        // Given one slot in all, and a clock that moves only when told
        var time = new SteppedTime();
        var audit = new Records();
        var pipeline = new CallPipeline(new TransportOptions { MaxConcurrency = 1 }, audit, time);
        var releaseFirst = new TaskCompletionSource();
        var releaseSecond = new TaskCompletionSource();
        var secondSent = new TaskCompletionSource();

        // When a first call holds the slot for 1 s while a second waits, then the second is on the wire for 0.5 s
        var first = pipeline.RunAsync(AwsService.Ec2, "us-east-1", "DescribeVolumes", async _ =>
        {
            await releaseFirst.Task;
            return (1, 200, (string?)"first");
        }, CancellationToken.None);
        var second = pipeline.RunAsync(AwsService.Ec2, "us-east-1", "DescribeVolumes", async _ =>
        {
            secondSent.SetResult();
            await releaseSecond.Task;
            return (2, 200, (string?)"second");
        }, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(1));
        releaseFirst.SetResult();
        await first;
        await secondSent.Task;
        time.Advance(TimeSpan.FromMilliseconds(500));
        releaseSecond.SetResult();
        await second;

        // Then the second call's latency is its own round trip, its duration includes the wait
        var record = audit.Single(r => r.RequestId == "second");
        Assert.Equal(500, record.LatencyMs, precision: 3);
        Assert.Equal(1500, record.DurationMs, precision: 3);
        Assert.Equal(1000, audit.Single(r => r.RequestId == "first").LatencyMs, precision: 3);
    }

    private sealed class Records : List<AuditRecord>, IAuditSink
    {
        public void Record(AuditRecord record)
        {
            lock (this)
            {
                Add(record);
            }
        }
    }

    private sealed class SteppedTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Read(ref _ticks);

        public override DateTimeOffset GetUtcNow() => new DateTimeOffset(2026, 6, 15, 10, 0, 0, TimeSpan.Zero).AddTicks(Interlocked.Read(ref _ticks));

        public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
    }
}
