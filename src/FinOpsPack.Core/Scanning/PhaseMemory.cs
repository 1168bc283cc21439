using System.Runtime;

namespace FinOpsPack.Core.Scanning;

/// <summary>
/// Hands memory back between the phases of a scan. Each phase (collection, checks, report) leaves behind a large dead
/// set (response pages, parse buffers, intermediate lists) that the GC would otherwise keep committed as room to grow:
/// one full compacting, decommitting collection at a phase boundary costs a fraction of a second and keeps the next
/// phase's peak from stacking on the last one's garbage (docs/benchmarks.md).
/// </summary>
public static class PhaseMemory
{
    public static void Release()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
