using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Scanning;
using FinOpsPack.SampleAccount.Hosting;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.SampleAccount;

/// <summary>
/// The sample account on loopback with a signed transport into it as the review role (AssumeRole with the External
/// ID), and every call the transport made.
/// </summary>
public sealed class SampleAccountEc2Fixture : IAsyncLifetime
{
    private CallPipeline? _pipeline;
    private AwsSession? _session;
    private AwsTransport? _transport;

    public SampleAccountHarness Harness { get; private set; } = null!;
    public RecordingAuditSink Audit { get; } = new();
    public IAwsTransport Transport => _transport!;

    public FaultPlan Faults { get; init; } = FaultPlan.None;

    public Func<SampleAccountOptions, SampleAccountOptions> Configure { get; init; } = o => o;

    public async Task InitializeAsync()
    {
        Harness = await SampleAccountHarness.StartAsync(Faults,
            Configure(new SampleAccountOptions { ExternalId = SampleAccountHarness.TestExternalId }));
        var request = Harness.Request();
        _pipeline = new CallPipeline(SampleAccountHarness.FastRetries, Audit, TimeProvider.System);
        var endpoints = new EndpointResolver(request.EndpointUrl, request.Environment);
        _session = await AwsSession.OpenAsync(request, _pipeline, endpoints, CancellationToken.None);
        _transport = new AwsTransport(_pipeline, _session.Credentials, endpoints);
    }

    public async Task<AccountInventory> CollectAsync(ICollector collector, string region)
    {
        var inventory = new InventoryBuilder(Harness.Server.Dataset.AccountId);
        var context = new CollectorContext(Transport, inventory, new ScanSettings(), TimeProvider.System, region, Harness.Server.Dataset.EnabledRegions);
        await collector.CollectAsync(context, CancellationToken.None);
        return inventory.Build();
    }

    public async Task DisposeAsync()
    {
        _transport?.Dispose();
        _session?.Dispose();
        await Harness.DisposeAsync();
    }
}

/// <summary>Keeps every audit record in memory, to count the calls a collector made.</summary>
public sealed class RecordingAuditSink : IAuditSink
{
    private readonly List<AuditRecord> _records = [];

    public IReadOnlyList<AuditRecord> Records
    {
        get
        {
            lock (_records)
            {
                return [.. _records];
            }
        }
    }

    public void Record(AuditRecord record)
    {
        lock (_records)
        {
            _records.Add(record);
        }
    }

    public int Count(string operation, string region) => Records.Count(r => r.Operation == operation && r.Region == region);
}
