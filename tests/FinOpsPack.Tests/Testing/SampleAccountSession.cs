using System.Collections.Concurrent;
using Amazon.Runtime;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Scanning;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.SampleAccount.Hosting;

namespace FinOpsPack.Tests.Testing;

/// <summary>
/// The real sample-account host with an assumed-role session and a signed <see cref="AwsTransport"/> into it, for tests
/// that run clients or single collectors (not a whole scan). Every call is kept in <see cref="Audit"/>.
/// </summary>
public sealed class SampleAccountSession : IAsyncDisposable
{
    /// <summary>A fixed day for the datasets of these tests, so month lengths and windows do not depend on the run date.</summary>
    public static readonly DateTimeOffset FixedNow = new(2026, 3, 18, 10, 30, 0, TimeSpan.Zero);

    private readonly SampleAccountHarness _harness;
    private readonly AwsSession _session;
    private readonly AwsTransport _transport;
    private readonly CallPipeline _pipeline;

    private SampleAccountSession(SampleAccountHarness harness, AwsSession session, CallPipeline pipeline, AwsTransport transport, MemoryAudit audit)
    {
        _harness = harness;
        _session = session;
        _pipeline = pipeline;
        _transport = transport;
        Audit = audit;
    }

    public SampleAccountServer Server => _harness.Server;
    public SampleDataset Dataset => _harness.Server.Dataset;
    public IAwsTransport Transport => _transport;
    public AWSCredentials Credentials => _session.Credentials;
    public MemoryAudit Audit { get; }
    public int CostExplorerRequests => _pipeline.Usage.CostExplorerRequests;

    public static SampleDataset NewDataset() => SampleDataset.Create(FixedNow, SampleAccountHarness.TestExternalId);

    public static async Task<SampleAccountSession> StartAsync(SampleDataset? dataset = null, FaultPlan? faults = null)
    {
        dataset ??= NewDataset();
        var harness = await SampleAccountHarness.StartAsync(faults, new SampleAccountOptions { ExternalId = dataset.ExternalId, Dataset = dataset });
        var audit = new MemoryAudit();
        var pipeline = new CallPipeline(SampleAccountHarness.FastRetries, audit, TimeProvider.System);
        var endpoints = new EndpointResolver(harness.Server.Endpoint, _ => null);
        var session = await AwsSession.OpenAsync(harness.Request(), pipeline, endpoints, CancellationToken.None);
        audit.Clear();
        return new SampleAccountSession(harness, session, pipeline, new AwsTransport(pipeline, session.Credentials, endpoints), audit);
    }

    /// <summary>Calls made for one IAM action (each page is one call).</summary>
    public int Calls(string action) => Audit.Records.Count(r => r.Action == action);

    /// <summary>Runs the named collectors as a scan would (dependencies, outcomes, notes) and builds the inventory.</summary>
    public async Task<(AccountInventory Inventory, IReadOnlyList<CollectorOutcome> Outcomes)> RunAsync(
        IReadOnlyList<string> collectors, ScanSettings? settings = null)
    {
        var inventory = new InventoryBuilder(Dataset.AccountId);
        var runner = new CollectorRunner(_transport, inventory, settings ?? new ScanSettings(), new FixedTimeProvider(Dataset.Now), IScanProgress.None, Credentials);
        var (outcomes, _) = await runner.RunAsync(
            [.. collectors.Select(n => CollectorCatalog.Find(n) ?? throw new ArgumentException("no collector " + n))],
            Dataset.EnabledRegions,
            CancellationToken.None);
        return (inventory.Build(), outcomes);
    }

    public async ValueTask DisposeAsync()
    {
        _transport.Dispose();
        _session.Dispose();
        await _harness.DisposeAsync();
    }
}

/// <summary>An audit sink that keeps the records in memory.</summary>
public sealed class MemoryAudit : IAuditSink
{
    private readonly ConcurrentQueue<AuditRecord> _records = new();

    public IReadOnlyList<AuditRecord> Records => [.. _records];

    public void Record(AuditRecord record) => _records.Enqueue(record);

    public void Clear() => _records.Clear();
}

