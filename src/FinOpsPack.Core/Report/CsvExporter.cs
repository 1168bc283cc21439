using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using FinOpsPack.Core.Rules;

namespace FinOpsPack.Core.Report;

/// <summary>
/// Writes <c>findings.csv</c>: one row per finding, every column a spreadsheet user needs to act on it. Any cell that
/// a spreadsheet would read as a formula (starting with = + - @, tab or carriage return) is prefixed with a single quote.
/// </summary>
public static class CsvExporter
{
    public static readonly IReadOnlyList<string> Header =
    [
        "FindingId", "CheckId", "Title", "Category", "Severity", "Service", "ResourceType", "ResourceId", "ResourceArn",
        "ResourceName", "AccountId", "Region", "Action", "Summary", "MonthlySavings", "AnnualSavings", "Currency",
        "SavingsSource", "SavingsBasis", "ImplementationEffort", "RestartNeeded", "RollbackPossible", "CountedInTotal", "SupersededBy",
    ];

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionEscapeCharacter = '\'',
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
        NewLine = "\r\n",
    };

    public static async Task WriteAsync(IEnumerable<Finding> findings, TextWriter output, CancellationToken ct)
    {
        await using var csv = new CsvWriter(output, Configuration, leaveOpen: true);
        foreach (var name in Header)
        {
            csv.WriteField(name);
        }

        await csv.NextRecordAsync().ConfigureAwait(false);
        foreach (var f in findings)
        {
            ct.ThrowIfCancellationRequested();
            var s = f.Savings;
            var notApplicable = s.Source == SavingsSource.NotApplicable;
            foreach (var cell in (ReadOnlySpan<string?>)
                [
                    f.Id, f.CheckId, f.Title, f.Category.ToString(), f.Severity.ToString(), f.Service, f.ResourceType, f.ResourceId,
                    f.ResourceArn, f.ResourceName, f.AccountId, f.Region, f.Action, f.Summary,
                    notApplicable ? "n/a" : Amount(s.MonthlyAmount), notApplicable ? "n/a" : Amount(s.AnnualAmount), s.Currency,
                    s.Source.ToString(), s.Basis, s.ImplementationEffort, Flag(s.RestartNeeded), Flag(s.RollbackPossible),
                    f.CountedInTotal ? "true" : "false", f.SupersededBy,
                ])
            {
                csv.WriteField(cell ?? "");
            }

            await csv.NextRecordAsync().ConfigureAwait(false);
        }

        await csv.FlushAsync().ConfigureAwait(false);
    }

    private static string Amount(decimal? amount) =>
        amount is { } a ? a.ToString("0.00", CultureInfo.InvariantCulture) : ReportFormat.Unknown;

    private static string Flag(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => "",
    };
}
