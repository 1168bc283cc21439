using Amazon.Runtime;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Scanning;
using FinOpsPack.SampleAccount.Hosting;

namespace FinOpsPack.Tests.Testing;

/// <summary>Starts the sample account on a free loopback port and builds scan requests against it.</summary>
public sealed class SampleAccountHarness : IAsyncDisposable
{
    public const string TestExternalId = "review-7f3a9c1e-test-external-id-0042";

    private SampleAccountHarness(SampleAccountServer server, string outputRoot)
    {
        Server = server;
        OutputRoot = outputRoot;
    }

    public SampleAccountServer Server { get; }
    public string OutputRoot { get; }

    /// <summary>Retries with millisecond back-off so fault-injection tests stay quick.</summary>
    public static TransportOptions FastRetries { get; } = new()
    {
        BaseDelay = TimeSpan.FromMilliseconds(1),
        MaxDelay = TimeSpan.FromMilliseconds(20),
        MaxAttempts = 12,
    };

    public static async Task<SampleAccountHarness> StartAsync(FaultPlan? faults = null, SampleAccountOptions? options = null)
    {
        var server = await SampleAccountServer.StartAsync(
            (options ?? new SampleAccountOptions { ExternalId = TestExternalId }) with { Faults = faults ?? FaultPlan.None });
        var root = Path.Combine(Path.GetTempPath(), "finops-pack-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return new SampleAccountHarness(server, root);
    }

    public AWSCredentials CallerCredentials =>
        new BasicAWSCredentials(Server.Credentials.Caller.AccessKeyId, Server.Credentials.Caller.SecretAccessKey);

    public ScanRequest Request(string name = "scan", string? externalId = null, IReadOnlyList<string>? regions = null) => new()
    {
        RoleArn = RoleArn.Parse(Server.Dataset.RoleArn),
        ExternalId = ExternalId.Parse(externalId ?? Server.Dataset.ExternalId),
        Regions = regions ?? [],
        OutputDirectory = Path.Combine(OutputRoot, name),
        EndpointUrl = Server.Endpoint,
        CallerCredentials = CallerCredentials,
        Transport = FastRetries,
        Environment = _ => null,
    };

    public Task<ScanResult> ScanAsync(ScanRequest request, CancellationToken ct = default) =>
        new ScanRunner(TimeProvider.System).RunAsync(request, IScanProgress.None, ct);

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(OutputRoot, recursive: true);
        }
        catch (IOException)
        {
            // A test that failed may still hold a file open; the temp folder is cleaned by the OS.
        }
    }
}
