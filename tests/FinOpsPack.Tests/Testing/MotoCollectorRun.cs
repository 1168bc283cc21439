using Amazon.Runtime;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Tests.Testing;

/// <summary>Runs collectors against moto through the real signed transport, as a scan would (outcomes, notes, audit).</summary>
public static class MotoCollectorRun
{
    public const string DefaultAccount = "123456789012";

    /// <summary>
    /// moto takes a 12-digit access key id as the caller's account, so <paramref name="accountId"/> other than the default
    /// scans another account of the same emulator.
    /// </summary>
    public static async Task<(AccountInventory Inventory, IReadOnlyList<CollectorOutcome> Outcomes, MemoryAudit Audit)> RunAsync(
        MotoServer moto, IReadOnlyList<string> collectors, IReadOnlyList<string> regions, string accountId = DefaultAccount, TimeProvider? time = null)
    {
        var audit = new MemoryAudit();
        var pipeline = new CallPipeline(new TransportOptions(), audit, TimeProvider.System);
        var credentials = new BasicAWSCredentials(accountId == DefaultAccount ? "testing" : accountId, "testing");
        using var transport = new AwsTransport(pipeline, credentials, new EndpointResolver(moto.Endpoint, _ => null));
        var inventory = new InventoryBuilder(accountId);
        var runner = new CollectorRunner(transport, inventory, new ScanSettings(), time ?? TimeProvider.System, IScanProgress.None, credentials);
        var (outcomes, _) = await runner.RunAsync(
            [.. collectors.Select(n => CollectorCatalog.Find(n) ?? throw new ArgumentException("no collector " + n))], regions, CancellationToken.None);
        return (inventory.Build(), outcomes, audit);
    }

    /// <summary>Forgets everything moto holds (tests of one class run one after another and may each start clean).</summary>
    public static async Task ResetAsync(MotoServer moto)
    {
        using var http = new HttpClient();
        using var response = await http.PostAsync(new Uri(moto.Endpoint, "/moto-api/reset"), null);
        response.EnsureSuccessStatusCode();
    }
}
