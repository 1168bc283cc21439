using System.Diagnostics;
using System.Globalization;

namespace FinOpsPack.Cli.Commands.Bench;

/// <summary>What one child <c>finops-pack scan</c> process did: its exit code, wall time, peak memory and CPU time.</summary>
/// <param name="PeakRssBytes">Highest VmHWM read from /proc while it ran (null where /proc is not there).</param>
/// <param name="SamplerCpuTime">CPU the benchmark's own sampling of /proc cost (its thread's), to keep it out of the sample account's.</param>
public sealed record ScanProcessResult(int ExitCode, TimeSpan Wall, long? PeakRssBytes, TimeSpan? CpuTime, string Stderr, TimeSpan SamplerCpuTime = default);

/// <summary>
/// Runs <c>finops-pack scan</c> as a child process against a served sample account, so that the memory measured is
/// the scanner's alone (the sample account lives in the benchmark's own process). Peak RSS is the kernel's high-water
/// mark (VmHWM), sampled every few milliseconds until the process exits; CPU time is utime + stime from /proc/pid/stat.
/// The sampling runs on a thread of its own (not the thread pool the sample account serves from), which measures its
/// own CPU so the benchmark can tell it apart from the sample account's.
/// </summary>
public static class ScanProcess
{
    private static readonly TimeSpan SampleEvery = TimeSpan.FromMilliseconds(10);

    public static async Task<ScanProcessResult> RunAsync(IReadOnlyList<string> scanArguments, IReadOnlyDictionary<string, string> environment, CancellationToken ct)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var (file, prefix) = SelfCommand();
        start.FileName = file;
        foreach (var argument in prefix.Concat(scanArguments))
        {
            start.ArgumentList.Add(argument);
        }

        // The child sees only the AWS settings given: no profile, session token or endpoint override of the caller's.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + file);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        long? peak = null;
        TimeSpan? cpu = null;
        var exited = process.WaitForExitAsync(ct);
        var sampled = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var sampler = new Thread(() =>
        {
            while (!exited.IsCompleted)
            {
                if (ReadPeakRss(process.Id) is { } hwm)
                {
                    peak = Math.Max(peak ?? 0, hwm);
                }

                cpu = ReadCpuTime(process.Id) ?? cpu;
                Thread.Sleep(SampleEvery);
            }

            sampled.SetResult(ReadCpuTime("/proc/thread-self/stat") ?? TimeSpan.Zero);
        })
        {
            IsBackground = true,
            Name = "bench /proc sampler",
        };
        sampler.Start();
        await exited.ConfigureAwait(false);
        clock.Stop();
        var samplerCpu = await sampled.Task.ConfigureAwait(false);
        await stdout.ConfigureAwait(false);
        return new ScanProcessResult(process.ExitCode, clock.Elapsed, peak, cpu, await stderr.ConfigureAwait(false), samplerCpu);
    }

    /// <summary>This tool itself: the apphost, or <c>dotnet finops-pack.dll</c> when run through the muxer.</summary>
    private static (string File, IReadOnlyList<string> Prefix) SelfCommand()
    {
        var path = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process is unknown");
        return Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? (path, [typeof(ScanProcess).Assembly.Location])
            : (path, []);
    }

    /// <summary>VmHWM of /proc/pid/status in bytes (the kernel reports kB).</summary>
    internal static long? ReadPeakRss(int pid) => ReadStatusKb(pid, "VmHWM:") is { } kb ? kb * 1024 : null;

    private static long? ReadStatusKb(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var value = line[field.Length..].Trim();
                    return long.Parse(value[..value.IndexOf(' ', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
        }

        return null;
    }

    /// <summary>utime + stime (fields 14 and 15 of /proc/pid/stat, in clock ticks of 1/100 s on Linux).</summary>
    private static TimeSpan? ReadCpuTime(int pid) => ReadCpuTime($"/proc/{pid}/stat");

    private static TimeSpan? ReadCpuTime(string statPath)
    {
        try
        {
            var stat = File.ReadAllText(statPath);
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromSeconds(ticks / 100.0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
