namespace FinOpsPack.SampleAccount.Dataset;

/// <summary>
/// Evaluates the sample account's spend cube: the cost of one line on one day. Cost Explorer answers, forecasts and
/// coverage are all computed from this one function, so they cannot disagree with each other.
/// </summary>
public static class SampleCostModel
{
    /// <summary>Unblended and amortized cost of a line on a day; zero outside the data (before the start, from today on).</summary>
    public static (decimal Unblended, decimal Amortized) Cost(SampleDataset d, SampleCostLine line, DateOnly day)
    {
        if (day < d.CostDataStart || day >= d.Today || (line.ActiveUntil is { } until && day >= until))
        {
            return (0m, 0m);
        }

        var rate = Rate(d, line, day);
        var amortized = Math.Round(rate * line.AmortizedFactor, 4);
        var spike = Spike(d, line, day);
        return (rate + spike, amortized + spike);
    }

    /// <summary>The line's daily rate in the month of <paramref name="day"/>, without anomalies.</summary>
    public static decimal Rate(SampleDataset d, SampleCostLine line, DateOnly day)
    {
        var months = (day.Year - d.CostDataStart.Year) * 12 + day.Month - d.CostDataStart.Month;
        return Math.Round(line.DailyRate * (1m + line.MonthlyGrowth * months), 4);
    }

    public static decimal Spike(SampleDataset d, SampleCostLine line, DateOnly day) =>
        d.CostSpikes.Where(s => ReferenceEquals(s.Line, line) && day >= s.FirstDay && day < s.FirstDay.AddDays(s.Days))
            .Sum(s => s.ExtraPerDay);

    public static IEnumerable<DateOnly> Days(DateOnly start, DateOnly endExclusive)
    {
        for (var day = start; day < endExclusive; day = day.AddDays(1))
        {
            yield return day;
        }
    }

    /// <summary>Sum over lines and days; <paramref name="include"/> filters lines.</summary>
    public static (decimal Unblended, decimal Amortized) Sum(
        SampleDataset d, DateOnly start, DateOnly endExclusive, Func<SampleCostLine, bool> include)
    {
        decimal unblended = 0m, amortized = 0m;
        foreach (var line in d.CostLines.Where(include))
        {
            foreach (var day in Days(start, endExclusive))
            {
                var (u, a) = Cost(d, line, day);
                unblended += u;
                amortized += a;
            }
        }

        return (unblended, amortized);
    }

    /// <summary>Forecast mean: every line at its rate for each day of <c>[start, end)</c>, without anomalies.</summary>
    public static decimal Forecast(SampleDataset d, DateOnly start, DateOnly endExclusive, bool amortized = false) =>
        d.CostLines.Sum(line => Days(start, endExclusive)
            .Where(day => line.ActiveUntil is not { } until || day < until)
            .Sum(day => amortized ? Math.Round(Rate(d, line, day) * line.AmortizedFactor, 4) : Rate(d, line, day)));
}
