using System.Diagnostics;
using System.Text.Json;
using FinOpsPack.Cli.Commands.Scan;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Onboarding;
using FinOpsPack.Core.Scanning;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.SampleAccount.Hosting;

namespace FinOpsPack.Cli.Commands.Bench;

/// <summary>
/// The benchmark in one invocation: generate the scale account, serve it on loopback with AWS-like latency and rate
/// limits, scan it once to warm a response cache (not measured), then twice as a child process (default settings, then
/// <c>--max-concurrency 1</c>), each against a freshly started server so both begin with full token buckets, then print
/// the figures against the critical path and append them to the record file. The cache, shared by the servers, replays
/// answers already generated: AWS's own CPU is not on the scanner's machine, so the sample account's should not compete
/// with the scanner for it; SigV4, latency, token buckets and faults still apply to every request.
/// </summary>
public sealed class BenchHandler(ConsoleStreams io, TimeProvider time)
{
    public Task<int> RunAsync(BenchOptions options, CancellationToken ct) =>
        CliErrors.GuardAsync(io, async () =>
        {
            var profile = ScaleProfile.Find(options.Size)
                ?? throw new UserInputException($"--size '{options.Size}' is not a benchmark size (small, large)");
            var output = Path.GetFullPath(options.OutputDirectory);
            Directory.CreateDirectory(output);

            var externalId = ExternalIdGenerator.Generate();
            var clock = Stopwatch.StartNew();
            var dataset = SampleDataset.CreateScaled(time.GetUtcNow(), externalId, profile);
            var resources = dataset.ResourceCount;
            var recommendations = CountRecommendations(dataset);
            await io.Err.WriteLineAsync(
                $"{profile.Name} account: {dataset.EnabledRegions.Count} regions, {resources:N0} resources, {recommendations:N0} COH recommendations (generated in {clock.Elapsed.TotalSeconds:0.0} s)").ConfigureAwait(false);

            if (options.Serve)
            {
                return await ServeAsync(dataset, profile, externalId, options.Port, ct).ConfigureAwait(false);
            }

            var (steps, notModelled) = ScanCallPlan.For(dataset);
            var critical = CriticalPath.Compute(steps, profile.Latency, profile.RateLimits);
            await io.Err.WriteLineAsync($"critical path {critical.Critical.Time.TotalSeconds:0.00} s ({critical.Critical.Kind}: {critical.Critical.What})").ConfigureAwait(false);

            var cache = new SampleResponseCache();
            var warmup = await ScanAsync(dataset, profile, externalId, Path.Combine(output, "warm-up"), null, cache, "warm-up", ct).ConfigureAwait(false);
            var first = await ScanAsync(dataset, profile, externalId, Path.Combine(output, "default"), null, cache, null, ct).ConfigureAwait(false);
            var second = await ScanAsync(dataset, profile, externalId, Path.Combine(output, "sequential"), 1, cache, null, ct).ConfigureAwait(false);
            await io.Err.WriteLineAsync("rendering the report…").ConfigureAwait(false);
            var render = await BenchRender.MeasureAsync(
                options.Findings ?? (profile == ScaleProfile.Large ? 50_000 : 500), Path.Combine(output, "default", "scan.json"), output, ct).ConfigureAwait(false);

            var transport = new Core.Aws.Transport.TransportOptions();
            var limits = CriticalPath.LimitsBound(steps, profile.Latency, transport.MaxConcurrency, transport.LimitFor);
            var result = new BenchResult(profile.Name, time.GetUtcNow(), BenchMachine.Commit(), BenchMachine.Describe(), resources, recommendations,
                critical, limits, notModelled, first, second, render) { Warmup = warmup };
            var table = BenchTable.Markdown(result);
            await io.Out.WriteLineAsync(table).ConfigureAwait(false);
            if (options.Record is { } record)
            {
                await File.AppendAllTextAsync(record, Environment.NewLine + table, ct).ConfigureAwait(false);
                await io.Err.WriteLineAsync("appended to " + record).ConfigureAwait(false);
            }

            return first.Process.ExitCode is ExitCodes.Ok && second.Process.ExitCode is ExitCodes.Ok ? ExitCodes.Ok : ExitCodes.Error;
        });

    private async Task<BenchRun> ScanAsync(
        SampleDataset dataset, ScaleProfile profile, string externalId, string output, int? maxConcurrency, SampleResponseCache cache,
        string? name, CancellationToken ct)
    {
        var label = name ?? (maxConcurrency is null ? "default" : $"--max-concurrency {maxConcurrency}");
        await io.Err.WriteLineAsync($"scanning ({label})…").ConfigureAwait(false);
        await using var server = await SampleAccountServer.StartAsync(
            new SampleAccountOptions { ExternalId = externalId, Dataset = dataset, Faults = profile.Faults, ResponseCache = cache }, ct).ConfigureAwait(false);
        cache.ResetCounters();
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        List<string> arguments =
        [
            "scan", "--role-arn", dataset.RoleArn, "--endpoint-url", server.Endpoint.ToString().TrimEnd('/'), "--out", output, "--quiet",
        ];
        if (maxConcurrency is { } n)
        {
            arguments.AddRange(["--max-concurrency", n.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }

        var caller = server.Credentials.Caller;
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ACCESS_KEY_ID"] = caller.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = caller.SecretAccessKey,
            [ScanCommand.ExternalIdVariable] = externalId,
        };
        var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var process = await ScanProcess.RunAsync(arguments, environment, ct).ConfigureAwait(false);
        // Kept beside the scan's outputs: warnings, and the phase lines of FINOPS_PACK_PHASE_TRACE=1 when profiling.
        Directory.CreateDirectory(output);
        await File.WriteAllTextAsync(Path.Combine(output, "scan.stderr.txt"), process.Stderr, ct).ConfigureAwait(false);
        var serverCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore - process.SamplerCpuTime;
        var counts = new CacheCounts(cache.Hits, cache.Misses, new Dictionary<string, int>(cache.MissesByService, StringComparer.Ordinal), cache.Entries, cache.StoredBytes);
        if (process.ExitCode is not (ExitCodes.Ok or ExitCodes.Partial))
        {
            throw new InvalidOperationException($"the {label} scan exited {process.ExitCode}: {process.Stderr.Trim()}");
        }

        var audit = AuditSummary.Read(Path.Combine(output, "audit.jsonl"));
        var run = new BenchRun(label, maxConcurrency ?? new Core.Aws.Transport.TransportOptions().MaxConcurrency, process,
            await ReadScanTimeAsync(Path.Combine(output, "scan.json"), ct).ConfigureAwait(false), audit, serverCpu) { Cache = counts };
        await io.Err.WriteLineAsync(
            $"  {run.Wall.TotalSeconds:0.00} s, {audit.Calls} calls, {audit.Throttled} throttled, peak RSS {BenchTable.Megabytes(process.PeakRssBytes)}, "
            + $"sample account CPU {serverCpu.TotalSeconds:0.00} s, cache {counts.Hits} hits / {counts.Misses} misses, exit {process.ExitCode}").ConfigureAwait(false);
        return run;
    }

    private async Task<int> ServeAsync(SampleDataset dataset, ScaleProfile profile, string externalId, int port, CancellationToken ct)
    {
        await using var server = await SampleAccountServer.StartAsync(
            new SampleAccountOptions { ExternalId = externalId, Dataset = dataset, Faults = profile.Faults, Port = port, ResponseCache = new SampleResponseCache() },
            ct).ConfigureAwait(false);
        var caller = server.Credentials.Caller;
        await io.Out.WriteLineAsync($"""
            The {profile.Name} sample account is serving on {server.Endpoint} (Ctrl-C to stop), caching its answers as the benchmark
            does: the first scan fills the cache, later ones profile the scanner alone. Scan it, e.g. under dotnet-trace:

              export AWS_ACCESS_KEY_ID={caller.AccessKeyId}
              export AWS_SECRET_ACCESS_KEY={caller.SecretAccessKey}
              export {ScanCommand.ExternalIdVariable}={externalId}
              finops-pack scan --role-arn {dataset.RoleArn} --endpoint-url {server.Endpoint.ToString().TrimEnd('/')} --out scale-report --quiet
            """).ConfigureAwait(false);
        await io.Out.FlushAsync(ct).ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await io.Err.WriteLineAsync("stopped").ConfigureAwait(false);
        }

        return ExitCodes.Ok;
    }

    /// <summary>scan.json's <c>scan.durationMs</c>, read without materialising the inventory.</summary>
    private static async Task<TimeSpan?> ReadScanTimeAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: ct).ConfigureAwait(false);
        return document.RootElement.TryGetProperty("scan", out var scan) && scan.TryGetProperty("durationMs", out var ms)
            ? TimeSpan.FromMilliseconds(ms.GetDouble())
            : null;
    }

    /// <summary>What Cost Optimization Hub lists by default: one recommendation per resource.</summary>
    private static int CountRecommendations(SampleDataset dataset) => dataset.CohRecommendations.Count;
}
