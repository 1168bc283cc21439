using FinOpsPack.Core.Report;
using FinOpsPack.Core.Rules;

namespace FinOpsPack.Cli.Commands.Scan;

/// <summary>How a scan's results are evaluated and shown: progress, check thresholds, report options.</summary>
public sealed record ScanOutputOptions(bool Quiet, CheckSettings Settings, ReportOptions Report)
{
    public static ScanOutputOptions Default(bool quiet) => new(quiet, CheckSettings.Empty, new ReportOptions());
}
