using System.Globalization;
using FinOpsPack.Core.Rules;

namespace FinOpsPack.Core.Report;

/// <summary>How figures read in the report: money always with its currency, unknown never as zero.</summary>
public static class ReportFormat
{
    public const string Unknown = "unknown";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary><c>1,234.56 USD</c>, or <c>unknown</c> when the amount is null.</summary>
    public static string Money(decimal? amount, string currency) =>
        amount is { } a ? a.ToString("N2", Invariant) + " " + currency : Unknown;

    /// <summary>A share (0.125) as <c>12.5 %</c>.</summary>
    public static string Share(decimal? share) =>
        share is { } s ? (s * 100m).ToString("0.0", Invariant) + " %" : Unknown;

    /// <summary>A percentage already on the 0–100 scale.</summary>
    public static string Percent(decimal? percent) =>
        percent is { } p ? p.ToString("0.0", Invariant) + " %" : Unknown;

    public static string Number(double value) => value.ToString("0.##", Invariant);

    public static string Count(int value) => value.ToString("N0", Invariant);

    public static string Month(DateOnly month) => month.ToString("MMM yyyy", Invariant);

    public static string ShortMonth(DateOnly month) => month.ToString("MMM yy", Invariant);

    public static string Timestamp(DateTimeOffset at) =>
        at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Invariant);

    public static string Duration(double milliseconds)
    {
        var t = TimeSpan.FromMilliseconds(milliseconds);
        return t.TotalMinutes >= 1
            ? string.Create(Invariant, $"{(int)t.TotalMinutes} min {t.Seconds} s")
            : string.Create(Invariant, $"{t.TotalSeconds:0.0} s");
    }

    public static string YesNo(bool? value) => value switch
    {
        true => "yes",
        false => "no",
        null => "—",
    };

    public static string Source(SavingsSource source) => source switch
    {
        SavingsSource.CostOptimizationHub => "Cost Optimization Hub",
        SavingsSource.PriceListApi => "AWS Price List API",
        SavingsSource.PriceTable => "Price table",
        SavingsSource.CostExplorerResourceCost => "Cost Explorer resource cost",
        SavingsSource.NotApplicable => "n/a (risk)",
        _ => "unknown",
    };

    /// <summary>The savings cell: not-applicable findings are risks and carry no figure; unknown stays "unknown".</summary>
    public static string Savings(SavingsEstimate s) =>
        s.Source == SavingsSource.NotApplicable ? "n/a" : Money(s.MonthlyAmount, s.Currency);

    /// <summary>A number as JSON, CSV and SVG want it: invariant, no grouping.</summary>
    public static string Plain(decimal value) => value.ToString("0.##", Invariant);

    public static string Coordinate(double value) => Math.Round(value, 2).ToString("0.##", Invariant);
}
