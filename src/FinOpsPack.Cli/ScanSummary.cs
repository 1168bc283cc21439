using System.Globalization;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Report;
using FinOpsPack.Core.Scanning;
using Spectre.Console;

namespace FinOpsPack.Cli;

/// <summary>The closing summary: top findings, totals, coverage gaps, API usage (stderr); where the outputs are (stdout).</summary>
public static class ScanSummary
{
    private const int TopFindings = 5;

    public static async Task WriteAsync(ConsoleStreams io, ScanResult result, ReportFiles files, bool quiet)
    {
        if (!quiet)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(io.Err),
                ColorSystem = io.IsInteractive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
            if (!io.IsInteractive)
            {
                console.Profile.Width = 140;
            }

            WriteTopFindings(console, result);
            WriteTotals(console, result);
            foreach (var gap in result.Collectors.Where(o => o.Status != CollectorStatus.Ok))
            {
                console.WriteLine($"gap: {gap.Collector} {gap.Region ?? "global"}: {gap.Describe()}");
            }

            var api = result.Api;
            console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{api.Calls} API calls ({api.Throttled} throttled, {api.Retries} retries), {api.CostExplorerRequests} paid Cost Explorer requests (${api.CostExplorerCostUsd:0.00}), {result.Scan.DurationMs / 1000:0.0} s"));
        }

        await io.Out.WriteLineAsync(files.Html).ConfigureAwait(false);
        await io.Out.WriteLineAsync(files.Csv).ConfigureAwait(false);
        await io.Out.WriteLineAsync(files.ScanJson).ConfigureAwait(false);
    }

    private static void WriteTopFindings(IAnsiConsole console, ScanResult result)
    {
        var top = result.Findings
            .Where(f => f.CountedInTotal && f.Savings.MonthlyAmount is > 0)
            .OrderByDescending(f => f.Savings.MonthlyAmount)
            .Take(TopFindings)
            .ToList();
        if (top.Count == 0)
        {
            return;
        }

        var table = new Table().Title("Top savings").AddColumns("Service", "Resource", "Region", "Action", "Per month", "Source");
        foreach (var f in top)
        {
            table.AddRow(
                Markup.Escape(f.Service), Markup.Escape(f.ResourceName ?? f.ResourceId), Markup.Escape(f.Region),
                Markup.Escape(f.Action), Markup.Escape(Money(f.Savings.MonthlyAmount!.Value, f.Savings.Currency)), Markup.Escape(f.Savings.Source.ToString()));
        }

        console.Write(table);
    }

    private static void WriteTotals(IAnsiConsole console, ScanResult result)
    {
        if (result.Savings is not { } s)
        {
            return;
        }

        var share = s.ShareOfMonthlySpend is { } v ? string.Create(CultureInfo.InvariantCulture, $" ({v:P1} of monthly spend)") : "";
        console.WriteLine($"{result.Findings.Count} findings; savings {Money(s.MonthlySavings, s.Currency)} per month, {Money(s.AnnualSavings, s.Currency)} per year{share}; {s.FindingsWithUnknownSavings} with unknown savings");
    }

    private static string Money(decimal amount, string currency) =>
        string.Create(CultureInfo.InvariantCulture, $"{amount:#,0.00} {currency}");
}
