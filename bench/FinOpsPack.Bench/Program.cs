using System.Globalization;
using BenchmarkDotNet.Running;

namespace FinOpsPack.Bench;

/// <summary>
/// <c>report [findings] [runs] [keep-dir]</c>: the plain measurement recorded in docs/benchmarks.md.
/// Anything else is handed to BenchmarkDotNet (e.g. <c>--filter *ReportBenchmarks*</c>, <c>--filter *XmlParseBenchmarks*</c>).
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "report")
        {
            var findings = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 50_000;
            var runs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
            return ReportMeasurement.RunAsync(findings, runs, args.Length > 3 ? args[3] : null);
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return Task.FromResult(0);
    }
}
