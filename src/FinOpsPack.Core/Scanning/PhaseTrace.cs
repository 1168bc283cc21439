using System.Diagnostics;
using System.Globalization;

namespace FinOpsPack.Core.Scanning;

/// <summary>
/// A profiling aid for the benchmark procedure: with <c>FINOPS_PACK_PHASE_TRACE=1</c> each phase of a scan prints one
/// line to stderr: the process's CPU time so far, the GC heap, committed memory, RSS and the peak RSS since the previous
/// line (Linux: the kernel's high-water mark, reset after each line), and the GC counts by generation (0/1/2) so far.
/// Off, it costs one branch. The reset also lowers the VmHWM that <c>bench</c> samples: read peaks from these lines then.
/// </summary>
public static class PhaseTrace
{
    public const string Variable = "FINOPS_PACK_PHASE_TRACE";

    private static readonly bool Enabled = Environment.GetEnvironmentVariable(Variable) is "1" or "true";

    public static void Mark(string phase)
    {
        if (!Enabled)
        {
            return;
        }

        var status = ReadStatus();
        var line = string.Create(CultureInfo.InvariantCulture,
            $"phase {phase,-24} cpu {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds,6:0.00} s  heap {Megabytes(GC.GetTotalMemory(false)),4} MB  committed {Megabytes(GC.GetGCMemoryInfo().TotalCommittedBytes),4} MB  rss {status.GetValueOrDefault("VmRSS", "?")}  peak since last {status.GetValueOrDefault("VmHWM", "?")}  GCs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
        Console.Error.WriteLine(line);
        ResetPeak();
    }

    private static long Megabytes(long bytes) => bytes / (1024 * 1024);

    private static Dictionary<string, string> ReadStatus()
    {
        try
        {
            return File.ReadLines("/proc/self/status")
                .Select(l => l.Split(':', 2))
                .Where(p => p.Length == 2)
                .ToDictionary(p => p[0], p => p[1].Trim(), StringComparer.Ordinal);
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <summary>Writing 5 to clear_refs resets VmHWM, so the next line shows the peak of its own phase.</summary>
    private static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
