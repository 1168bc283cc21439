using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Core.Collectors;

namespace FinOpsPack.Core.Onboarding;

/// <summary>Options of one access check.</summary>
/// <param name="Region">Where regional actions are probed (global ones go to their home region).</param>
/// <param name="IncludeBilled">Also make the calls AWS charges for (Cost Explorer, CloudWatch GetMetricData).</param>
public sealed record AccessCheckOptions(string Region = "us-east-1", bool IncludeBilled = false);

/// <summary>
/// Makes every probe through the scan's transport, all at once except where one probe needs what another found,
/// and classifies each action as permitted, denied or failed.
/// </summary>
public sealed class AccessChecker(IAwsTransport transport, TimeProvider time, IReadOnlyList<AccessProbe>? probes = null)
{
    private readonly IReadOnlyList<AccessProbe> _probes = probes ?? AccessProbeCatalog.All;
    private readonly IAwsTransport _transport = transport;

    public async Task<AccessReport> CheckAsync(AccessCheckOptions options, CancellationToken ct)
    {
        var run = new Run(this, options, time.GetUtcNow(), ct);
        var results = await Task.WhenAll(_probes.Select(run.Start)).ConfigureAwait(false);
        return new AccessReport(results);
    }

    /// <summary>What the report loses without this action: every collector that declares it, with what it provides.</summary>
    public static IReadOnlyList<string> WhatItRemoves(string action) =>
        [.. CollectorCatalog.All.Where(c => c.RequiredActions.Contains(action, StringComparer.Ordinal)).Select(c => $"{c.Name}: {c.Provides}")];

    private static AccessCheckResult Result(AccessProbe probe, AccessStatus status, string detail, string? code = null, string? requestId = null) =>
        new(probe.Action, probe.Call, status, detail, probe.Billed, WhatItRemoves(probe.Action), code, requestId);

    /// <summary>One check: each probe runs once; a probe that needs another awaits that one's task.</summary>
    private sealed class Run(AccessChecker checker, AccessCheckOptions options, DateTimeOffset now, CancellationToken ct)
    {
        private readonly Dictionary<string, Task<AccessCheckResult>> _tasks = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _found = new(StringComparer.Ordinal);

        public Task<AccessCheckResult> Start(AccessProbe probe)
        {
            lock (_tasks)
            {
                if (!_tasks.TryGetValue(probe.Action, out var task))
                {
                    task = ProbeAsync(probe);
                    _tasks[probe.Action] = task;
                }

                return task;
            }
        }

        private async Task<AccessCheckResult> ProbeAsync(AccessProbe probe)
        {
            // Return to the caller at once so that every probe is started before any of them is awaited.
            await Task.Yield();
            if (probe.Billed && !options.IncludeBilled)
            {
                return Result(probe, AccessStatus.NotChecked, $"not called: billed, {probe.Cost}; add --include-billed to check it");
            }

            if (probe.Needs is { } needs)
            {
                var prerequisite = checker._probes.FirstOrDefault(p => p.Action == needs)
                    ?? throw new InvalidOperationException($"probe {probe.Action} needs {needs}, which has no probe");
                var before = await Start(prerequisite).ConfigureAwait(false);
                if (before.Status != AccessStatus.Permitted)
                {
                    return Result(probe, AccessStatus.NotChecked, $"not called: it needs {needs}, which did not succeed");
                }

                if (!Found().ContainsKey(needs))
                {
                    return Result(probe, AccessStatus.NotChecked, $"not called: {needs} found nothing to call it on (a scan would not call it either)");
                }
            }

            try
            {
                var request = probe.Build(new AccessProbeContext(options.Region, now, Found()));
                var response = await Transport.SendAsync(request, ct).ConfigureAwait(false);
                return Result(probe, AccessStatus.Permitted, Remember(probe, response, request), requestId: response.RequestId);
            }
            catch (AwsServiceException e) when (probe.AuthorizedErrors?.Contains(e.ErrorCode) == true)
            {
                return Result(probe, AccessStatus.Permitted, $"permitted (AWS answered {e.ErrorCode}, which it gives only to authorized callers)", e.ErrorCode, e.RequestId);
            }
            catch (AwsServiceException e) when (e.IsAccessDenied)
            {
                var detail = $"denied: {e.ErrorCode}: {e.AwsMessage}" + (probe.DeniedNote is { } note ? $" (note: {note})" : "");
                return Result(probe, AccessStatus.Denied, detail, e.ErrorCode, e.RequestId);
            }
            catch (AwsServiceException e)
            {
                return Result(probe, AccessStatus.Error, $"error: {e.ErrorCode}: {e.AwsMessage}", e.ErrorCode, e.RequestId);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                return Result(probe, AccessStatus.Error, $"error: {e.GetType().Name}: {e.Message}");
            }
        }

        private IAwsTransport Transport => checker._transport;

        private Dictionary<string, string> Found()
        {
            lock (_found)
            {
                return new Dictionary<string, string>(_found, StringComparer.Ordinal);
            }
        }

        private string Remember(AccessProbe probe, AwsResponse response, AwsRequest request)
        {
            // The call was answered, so the action is permitted even if the answer cannot be read; only dependents lose out.
            try
            {
                if (probe.Find?.Invoke(response, request) is { } value)
                {
                    lock (_found)
                    {
                        _found[probe.Action] = value;
                    }
                }

                return "permitted";
            }
            catch (AwsServiceException e)
            {
                return "permitted (the answer could not be read: " + e.AwsMessage + ")";
            }
        }
    }
}
