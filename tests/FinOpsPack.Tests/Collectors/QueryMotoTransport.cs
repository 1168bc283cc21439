using System.Collections.Concurrent;
using Amazon.Runtime;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Collectors;

/// <summary>The production transport (SigV4, retries, audit) pointed at moto, recording every call it makes.</summary>
public sealed class QueryMotoTransport : IAuditSink, IDisposable
{
    public const string MotoAccountId = "123456789012";

    private readonly ConcurrentQueue<AuditRecord> _records = new();
    private readonly CallPipeline _pipeline;

    public QueryMotoTransport(MotoServer moto)
    {
        _pipeline = new CallPipeline(new TransportOptions { BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(50) }, this, TimeProvider.System);
        Transport = new AwsTransport(_pipeline, new BasicAWSCredentials("testing", "testing"), new EndpointResolver(moto.Endpoint, _ => null));
    }

    public AwsTransport Transport { get; }

    public IReadOnlyList<AuditRecord> Records => [.. _records];

    public int CallsTo(string action) => _records.Count(r => r.Action == action);

    public CollectorContext Context(string? region, InventoryBuilder inventory, ScanSettings? settings = null) =>
        new(Transport, inventory, settings ?? new ScanSettings(), TimeProvider.System, region, ["us-east-1", "eu-west-1"]);

    public void Record(AuditRecord record) => _records.Enqueue(record);

    public void Dispose()
    {
        Transport.Dispose();
    }
}
