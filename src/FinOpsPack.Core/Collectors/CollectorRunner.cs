using Amazon.Runtime;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors;

/// <summary>
/// Runs every collector for the account, each as soon as what it depends on is done: global collectors and each
/// region's collectors all start together; a regional collector waits only for the region list (when not given) and its
/// own dependencies in that region. A collector's failure becomes its outcome and never stops the others.
/// </summary>
public sealed class CollectorRunner(
    IAwsTransport transport,
    InventoryBuilder inventory,
    ScanSettings settings,
    TimeProvider time,
    IScanProgress progress,
    AWSCredentials? credentials = null)
{
    public const string RegionsCollector = "ec2.regions";
    private const string FallbackRegion = "us-east-1";

    private readonly Dictionary<(string Name, string? Region), Task<CollectorOutcome>> _runs = [];
    private readonly object _gate = new();

    /// <summary>Runs the collectors; <paramref name="regions"/> empty means "the account's enabled regions".</summary>
    public async Task<(IReadOnlyList<CollectorOutcome> Outcomes, IReadOnlyList<string> Regions)> RunAsync(
        IReadOnlyList<ICollector> collectors, IReadOnlyList<string> regions, CancellationToken ct)
    {
        var byName = collectors.ToDictionary(c => c.Name, StringComparer.Ordinal);
        var regionList = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var globals = collectors.Where(c => c.Scope == CollectorScope.Global)
            .Where(c => c.Name != RegionsCollector || regions.Count == 0)
            .Select(c => Start(c, null, byName, regionList.Task, ct))
            .ToList();

        var scanRegions = regions.Count > 0 ? regions : await DiscoverRegionsAsync(byName, regionList.Task, ct).ConfigureAwait(false);
        regionList.TrySetResult(scanRegions);

        var regional = collectors.Where(c => c.Scope == CollectorScope.Regional)
            .SelectMany(c => scanRegions.Select(r => Start(c, r, byName, regionList.Task, ct)))
            .ToList();

        var outcomes = await Task.WhenAll(globals.Concat(regional)).ConfigureAwait(false);
        return (outcomes.OrderBy(o => o.Collector, StringComparer.Ordinal).ThenBy(o => o.Region, StringComparer.Ordinal).ToList(), scanRegions);
    }

    private async Task<IReadOnlyList<string>> DiscoverRegionsAsync(
        Dictionary<string, ICollector> byName, Task<IReadOnlyList<string>> regionList, CancellationToken ct)
    {
        if (!byName.TryGetValue(RegionsCollector, out var regionsCollector))
        {
            return [FallbackRegion];
        }

        var outcome = await Start(regionsCollector, null, byName, regionList, ct).ConfigureAwait(false);
        var enabled = inventory.List<AwsRegionInfo>()
            .Where(r => r.OptInStatus != "not-opted-in")
            .Select(r => r.RegionName)
            .Order(StringComparer.Ordinal)
            .ToList();
        return outcome.Status == CollectorStatus.Ok && enabled.Count > 0 ? enabled : [FallbackRegion];
    }

    private Task<CollectorOutcome> Start(
        ICollector collector, string? region, Dictionary<string, ICollector> byName, Task<IReadOnlyList<string>> regionList, CancellationToken ct)
    {
        lock (_gate)
        {
            if (!_runs.TryGetValue((collector.Name, region), out var run))
            {
                run = RunOneAsync(collector, region, byName, regionList, ct);
                _runs[(collector.Name, region)] = run;
            }

            return run;
        }
    }

    private async Task<CollectorOutcome> RunOneAsync(
        ICollector collector, string? region, Dictionary<string, ICollector> byName, Task<IReadOnlyList<string>> regionList, CancellationToken ct)
    {
        await Task.Yield();
        foreach (var dependency in collector.DependsOn)
        {
            if (byName.TryGetValue(dependency, out var d))
            {
                await Start(d, d.Scope == CollectorScope.Regional ? region : null, byName, regionList, ct).ConfigureAwait(false);
            }
        }

        // Global collectors never wait for the region list: the region list itself comes from one of them.
        IReadOnlyList<string> regions = region is null
            ? (regionList.IsCompletedSuccessfully ? regionList.Result : [])
            : await regionList.ConfigureAwait(false);
        var attribution = new CallAttribution(collector.Name, inventory.AccountId);
        CallAttribution.Begin(attribution);
        var context = new CollectorContext(transport, inventory, settings, time, region, regions, credentials);
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        progress.Started(collector.Name, region);
        CollectorOutcome Outcome(CollectorStatus status, string? missingAction = null, string? reason = null) => new(
            collector.Name, region, status, missingAction, reason, context.Notes, startedAt,
            time.GetElapsedTime(started).TotalMilliseconds, attribution.Requests, collector.Provides);

        CollectorOutcome outcome;
        try
        {
            await collector.CollectAsync(context, ct).ConfigureAwait(false);
            outcome = Outcome(CollectorStatus.Ok);
        }
        catch (AwsServiceException e) when (e.IsAccessDenied)
        {
            outcome = Outcome(CollectorStatus.NotPermitted, e.Action, $"{e.ErrorCode}: {e.AwsMessage}");
        }
        catch (CollectorNotEnabledException e)
        {
            outcome = Outcome(CollectorStatus.NotEnabled, reason: $"{e.Message} To enable: {e.HowToEnable}");
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (AwsServiceException e)
        {
            outcome = Outcome(CollectorStatus.Failed, reason: $"{e.Action}: {e.ErrorCode}: {e.AwsMessage}");
        }
        catch (Exception e)
        {
            outcome = Outcome(CollectorStatus.Failed, reason: $"{e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}");
        }

        progress.Finished(outcome);
        return outcome;
    }
}
