using FinOpsPack.Core.Audit;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Scanning;

/// <summary>One scan end to end: open the session, run the collectors, evaluate, write scan.json and audit.jsonl.</summary>
public sealed class ScanRunner(TimeProvider time)
{
    public static string ToolVersion { get; } =
        typeof(ScanRunner).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Hook for evaluation (findings) and rendering, filled in by the layers above the collectors.</summary>
    public Func<ScanResult, CancellationToken, Task<ScanResult>>? AfterCollect { get; init; }

    /// <summary>False when the caller writes scan.json itself (the CLI's report writer), so it is not written twice.</summary>
    public bool WriteScanJson { get; init; } = true;

    /// <exception cref="AccessException">The caller has no credentials or the role cannot be assumed.</exception>
    public async Task<ScanResult> RunAsync(ScanRequest request, IScanProgress progress, CancellationToken ct)
    {
        Directory.CreateDirectory(request.OutputDirectory);
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        using var audit = new AuditLog(Path.Combine(request.OutputDirectory, "audit.jsonl"));
        var pipeline = new CallPipeline(request.Transport, audit, time);
        var endpoints = new EndpointResolver(request.EndpointUrl, request.Environment);

        AwsSession session;
        try
        {
            session = await AwsSession.OpenAsync(request, pipeline, endpoints, ct).ConfigureAwait(false);
        }
        catch (AccessException)
        {
            audit.WriteHeader(Header(request, null, null, startedAt));
            throw;
        }

        using (session)
        {
            audit.WriteHeader(Header(request, session.CallerArn, session.AssumedRoleArn, startedAt));
            using var transport = new AwsTransport(pipeline, session.Credentials, endpoints);
            var inventory = new InventoryBuilder(request.RoleArn.AccountId);
            var runner = new CollectorRunner(transport, inventory, request.Settings, time, progress, session.Credentials);
            var (outcomes, regions) = await runner.RunAsync(CollectorCatalog.All, request.Regions, ct).ConfigureAwait(false);

            var exitCode = outcomes.Any(o => o.Status is CollectorStatus.Failed or CollectorStatus.NotPermitted) ? ExitCodes.Partial : ExitCodes.Ok;
            var result = new ScanResult
            {
                Scan = new ScanMetadata(
                    ToolVersion, request.ReviewId, session.CallerArn, request.RoleArn.Value, session.AssumedRoleArn,
                    request.SessionName, request.ExternalId.Fingerprint, request.RoleArn.AccountId, regions, startedAt,
                    time.GetUtcNow(), time.GetElapsedTime(started).TotalMilliseconds, exitCode),
                Inventory = inventory.Build(),
                Collectors = outcomes,
                Api = pipeline.Usage.Snapshot(),
            };

            PhaseTrace.Mark("collection");
            PhaseMemory.Release();
            PhaseTrace.Mark("memory released");
            if (AfterCollect is not null)
            {
                result = await AfterCollect(result, ct).ConfigureAwait(false);
            }

            if (WriteScanJson)
            {
                await ScanJson.WriteAsync(result, Path.Combine(request.OutputDirectory, "scan.json"), ct).ConfigureAwait(false);
            }

            return result;
        }
    }

    private static AuditHeader Header(ScanRequest request, string? callerArn, string? assumedRoleArn, DateTimeOffset startedAt) =>
        new("header", ToolVersion, request.ReviewId, callerArn, request.RoleArn.Value, assumedRoleArn, request.SessionName,
            request.ExternalId.Fingerprint, startedAt);
}
