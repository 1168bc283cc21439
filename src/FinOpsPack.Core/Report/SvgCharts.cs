using System.Globalization;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Report;

/// <summary>Turns spend and savings figures into chart geometry plus the matching data table.</summary>
public static class SvgCharts
{
    public const int MaxMonths = 12;
    public const int TopSeries = 5;
    public const string OtherLabel = "Other";

    /// <summary>A chart across the page.</summary>
    public const int WideWidth = 760;

    /// <summary>One of two charts side by side: a narrower drawing so its text keeps a readable size.</summary>
    public const int HalfWidth = 520;

    private const int StackHeight = 300;
    private const double Left = 60;
    private const double Right = 12;
    private const double Top = 26;
    private const double Bottom = 34;
    private const double ValueWidth = 110;
    private const double RowHeight = 26;
    private const int MaxLabelLength = 30;

    /// <summary>Below this many units per month, only every other month is labelled (the latest always is).</summary>
    private const double MinLabelSlot = 48;

    /// <summary>Last <see cref="MaxMonths"/> final months, the top series stacked, the rest as "Other".</summary>
    /// <param name="label">Display label for a group key (e.g. account id → "Name (id)").</param>
    public static ChartBlock StackedMonthly(
        string id, string title, IReadOnlyList<CostAmount> amounts, Func<string, string> label, string currency, int width = WideWidth)
    {
        var months = amounts.Where(a => !a.Estimated).Select(a => a.PeriodStart).Distinct().Order().TakeLast(MaxMonths).ToList();
        var inWindow = amounts.Where(a => !a.Estimated && months.Contains(a.PeriodStart)).ToList();
        var ranked = inWindow.GroupBy(a => a.Key)
            .Select(g => (Key: g.Key, Total: g.Sum(a => a.UnblendedCost)))
            .OrderByDescending(g => g.Total).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var top = ranked.Take(TopSeries).Select(g => g.Key).ToList();
        var hasOther = ranked.Skip(TopSeries).Any(g => g.Total != 0);
        var series = top.Select((key, i) => (Label: label(key), Css: "s" + i.ToString(CultureInfo.InvariantCulture))).ToList();
        if (hasOther)
        {
            series.Add((OtherLabel, "s-other"));
        }

        var topIndex = top.Select((key, i) => (key, i)).ToDictionary(t => t.key, t => t.i, StringComparer.Ordinal);
        var values = new decimal[months.Count, series.Count];
        foreach (var a in inWindow)
        {
            var s = topIndex.TryGetValue(a.Key, out var i) ? i : series.Count - 1;
            values[months.IndexOf(a.PeriodStart), s] += a.UnblendedCost;
        }

        var table = MonthlyTable(title, months, series.Select(s => s.Label).ToList(), values, currency);
        if (months.Count == 0 || series.Count == 0)
        {
            return new ChartBlock(Empty(id, title, width, StackHeight), table);
        }

        var monthTotals = Enumerable.Range(0, months.Count)
            .Select(m => Enumerable.Range(0, series.Count).Sum(s => Math.Max(0, values[m, s]))).ToList();
        var max = NiceCeiling(monthTotals.Max());
        var plotW = width - Left - Right;
        var plotH = StackHeight - Top - Bottom;
        var slot = plotW / months.Count;
        var barW = slot * 0.64;
        var bars = new List<SvgRect>();
        var texts = new List<SvgText>();
        var lines = Gridlines(max, plotW, plotH, texts);
        for (var m = 0; m < months.Count; m++)
        {
            var x = Left + (m * slot) + ((slot - barW) / 2);
            var cumulative = 0m;
            for (var s = 0; s < series.Count; s++)
            {
                var v = Math.Max(0, values[m, s]);
                if (v == 0)
                {
                    continue;
                }

                var h = (double)(v / max) * plotH;
                var y = Top + plotH - ((double)((cumulative + v) / max) * plotH);
                cumulative += v;
                bars.Add(new SvgRect(
                    C(x), C(y), C(barW), C(h), series[s].Css,
                    series[s].Label + " — " + ReportFormat.Month(months[m]) + ": " + ReportFormat.Money(values[m, s], currency)));
            }

            if (slot >= MinLabelSlot || (months.Count - 1 - m) % 2 == 0)
            {
                texts.Add(new SvgText(C(x + (barW / 2)), C(StackHeight - Bottom + 18), ReportFormat.ShortMonth(months[m]), "middle", "axis"));
            }
        }

        texts.Add(new SvgText(C(Left), C(Top - 12), currency + " per month", "start", "axis-title"));
        var legend = series.Select((s, i) => new LegendItem(
            s.Css, s.Label, ReportFormat.Money(Enumerable.Range(0, months.Count).Sum(m => values[m, i]), currency))).ToList();
        return new ChartBlock(new SvgChart(id, title, width, StackHeight, false, bars, texts, lines, legend), table);
    }

    /// <summary>One horizontal bar per item, largest first, with the amount written beside each bar.</summary>
    public static ChartBlock HorizontalBars(
        string id, string title, IEnumerable<KeyValuePair<string, decimal>> items, string currency, int width = WideWidth)
    {
        var rows = items.OrderByDescending(i => i.Value).ThenBy(i => i.Key, StringComparer.Ordinal).ToList();
        var table = new DataTable(
            title + " (amounts in " + currency + " per month)",
            ["Item", "Monthly savings (" + currency + ")", "Annual savings (" + currency + ")"],
            [.. rows.Select(r => (IReadOnlyList<string>)[r.Key, ReportFormat.Money(r.Value, currency), ReportFormat.Money(r.Value * 12, currency)])]);
        var height = (int)Math.Ceiling((rows.Count * RowHeight) + 12);
        if (rows.Count == 0)
        {
            return new ChartBlock(Empty(id, title, width, 80), table);
        }

        var labelWidth = Math.Round(width * 0.3);
        var max = rows.Max(r => r.Value);
        var barMax = width - labelWidth - ValueWidth;
        var bars = new List<SvgRect>();
        var texts = new List<SvgText>();
        for (var i = 0; i < rows.Count; i++)
        {
            var y = 6 + (i * RowHeight);
            var w = max <= 0 ? 0 : (double)(Math.Max(0, rows[i].Value) / max) * barMax;
            var money = ReportFormat.Money(rows[i].Value, currency);
            bars.Add(new SvgRect(C(labelWidth), C(y + 3), C(Math.Max(w, 1)), C(RowHeight - 8), "s" + (i % TopSeries).ToString(CultureInfo.InvariantCulture), rows[i].Key + ": " + money));
            texts.Add(new SvgText(C(labelWidth - 8), C(y + 17), Truncate(rows[i].Key), "end", "label"));
            texts.Add(new SvgText(C(labelWidth + w + 6), C(y + 17), money, "start", "value"));
        }

        return new ChartBlock(new SvgChart(id, title, width, height, false, bars, texts, [], []), table);
    }

    /// <summary>Rounds up to 1, 2, 2.5 or 5 × 10^n so axis ticks read well.</summary>
    public static decimal NiceCeiling(decimal value)
    {
        if (value <= 0)
        {
            return 1;
        }

        var magnitude = (decimal)Math.Pow(10, Math.Floor(Math.Log10((double)value)));
        foreach (var step in new[] { 1m, 2m, 2.5m, 5m, 10m })
        {
            if (value <= step * magnitude)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }

    public static string Compact(decimal value) => value switch
    {
        >= 1_000_000 => (value / 1_000_000).ToString("0.##", CultureInfo.InvariantCulture) + "M",
        >= 1_000 => (value / 1_000).ToString("0.##", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    private static List<SvgLine> Gridlines(decimal max, double plotW, double plotH, List<SvgText> texts)
    {
        var lines = new List<SvgLine>();
        for (var t = 0; t <= 4; t++)
        {
            var y = Top + plotH - (plotH * t / 4);
            lines.Add(new SvgLine(C(Left), C(y), C(Left + plotW), C(y), t == 0 ? "axis-line" : "grid"));
            texts.Add(new SvgText(C(Left - 8), C(y + 4), Compact(max * t / 4), "end", "axis"));
        }

        return lines;
    }

    private static DataTable MonthlyTable(string title, List<DateOnly> months, List<string> series, decimal[,] values, string currency)
    {
        var rows = new List<IReadOnlyList<string>>();
        for (var m = 0; m < months.Count; m++)
        {
            var row = new List<string> { ReportFormat.Month(months[m]) };
            var total = 0m;
            for (var s = 0; s < series.Count; s++)
            {
                row.Add(ReportFormat.Money(values[m, s], currency));
                total += values[m, s];
            }

            row.Add(ReportFormat.Money(total, currency));
            rows.Add(row);
        }

        return new DataTable(title + " (amounts in " + currency + ")", ["Month", .. series, "Total"], rows);
    }

    private static SvgChart Empty(string id, string title, int width, int height) =>
        new(id, title, width, height, true, [], [new SvgText(C(width / 2.0), C(height / 2.0), "No data", "middle", "axis")], [], []);

    private static string Truncate(string label) =>
        label.Length <= MaxLabelLength ? label : string.Concat(label.AsSpan(0, MaxLabelLength - 1), "…");

    private static string C(double value) => ReportFormat.Coordinate(value);
}
