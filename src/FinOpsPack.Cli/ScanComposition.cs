using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli;

/// <summary>Wires the layers above collection (findings, report) into the scan runner, in dependency order.</summary>
public static class ScanComposition
{
    public static ScanRunner Runner(TimeProvider time) => new(time);
}
