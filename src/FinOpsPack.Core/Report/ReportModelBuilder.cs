using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Core.Report;

/// <summary>Builds the <see cref="ReportModel"/> from a scan. Pure: the clock comes in, nothing is read or written.</summary>
public static class ReportModelBuilder
{
    public const int ServerSideRows = 100;
    public const int TopActionCount = 5;

    public static ReportModel Build(ScanResult scan, DateTimeOffset generatedAt, bool redacted)
    {
        var inventory = scan.Inventory;
        var currency = scan.Savings?.Currency ?? inventory.Cost?.Currency ?? scan.Findings.FirstOrDefault()?.Savings.Currency ?? "USD";
        var accountNames = (inventory.Organization?.Accounts ?? []).GroupBy(a => a.Id).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.Ordinal);
        string AccountLabel(string id) => accountNames.TryGetValue(id, out var name) ? name + " (" + id + ")" : id;

        var lastMonth = LastFullMonth(inventory.Cost);
        var totals = scan.Savings ?? ComputeTotals(scan.Findings, currency, lastMonth?.Total);
        var rows = InReportOrder(scan.Findings).Select(ToRow).ToList();

        return new ReportModel(
            new ReportHeader(
                "AWS savings review", AccountLabel(scan.Scan.AccountId), scan.Scan.ReviewId, ReportFormat.Timestamp(generatedAt),
                ReportFormat.Timestamp(scan.Scan.FinishedAt), currency, redacted),
            Summary(scan, totals, currency, lastMonth, AccountLabel),
            Spend(inventory.Cost, AccountLabel),
            Savings(totals),
            new FindingsSection(rows.Count, Math.Min(rows.Count, ServerSideRows), rows.Count > ServerSideRows, currency, rows.Take(ServerSideRows).ToList(), rows),
            AccountSections.Coh(inventory),
            AccountSections.Bedrock(inventory),
            AccountSections.Coverage(scan.Collectors),
            AccountSections.Metadata(scan),
            new DataHandlingSection(redacted),
            FleetSections.Accounts(scan, currency),
            FleetSections.SinceLastRun(scan));
    }

    /// <summary>The order of the findings table and of findings.csv: largest known saving first.</summary>
    public static IOrderedEnumerable<Finding> InReportOrder(IEnumerable<Finding> findings) => findings.OrderBy(f => f, FindingOrder.Instance);

    /// <summary>Totals when scan.json carries none: counted findings with a known amount in the report currency.</summary>
    public static SavingsTotals ComputeTotals(IReadOnlyList<Finding> findings, string currency, decimal? monthlySpend)
    {
        var counted = findings.Where(f => f.CountedInTotal && f.Savings.Source != SavingsSource.NotApplicable).ToList();
        var known = counted.Where(f => f.Savings.MonthlyAmount is not null && f.Savings.Currency == currency).ToList();
        var monthly = known.Sum(f => f.Savings.MonthlyAmount!.Value);
        return new SavingsTotals(
            currency, monthly, monthly * 12, monthlySpend, monthlySpend is > 0 ? monthly / monthlySpend : null, known.Count,
            counted.Count(f => f.Savings.MonthlyAmount is null),
            known.GroupBy(f => f.Category.ToString()).ToDictionary(g => g.Key, g => g.Sum(f => f.Savings.MonthlyAmount!.Value)),
            known.GroupBy(f => f.Service).ToDictionary(g => g.Key, g => g.Sum(f => f.Savings.MonthlyAmount!.Value)),
            null, null);
    }

    private static FindingRow ToRow(Finding f) => new(
        f.Service,
        Resource(f),
        f.Region,
        f.AccountId,
        f.Action,
        ReportFormat.Savings(f.Savings) + (f.CountedInTotal ? "" : " †"),
        ReportFormat.Source(f.Savings.Source),
        f.Savings.ImplementationEffort ?? "—",
        ReportFormat.YesNo(f.Savings.RestartNeeded),
        ReportFormat.YesNo(f.Savings.RollbackPossible),
        f.Savings.Source == SavingsSource.NotApplicable ? null : f.Savings.MonthlyAmount,
        f.Category.ToString(),
        f.Title,
        f.CountedInTotal);

    private static string Resource(Finding f) =>
        string.IsNullOrEmpty(f.ResourceName) || f.ResourceName == f.ResourceId ? f.ResourceId : f.ResourceName + " (" + f.ResourceId + ")";

    private static SummarySection Summary(
        ScanResult scan, SavingsTotals totals, string currency, (DateOnly Month, decimal Total)? lastMonth, Func<string, string> accountLabel)
    {
        var spend = totals.MonthlySpendBaseline ?? lastMonth?.Total;
        var share = totals.ShareOfMonthlySpend ?? (spend is > 0 ? totals.MonthlySavings / spend : null);
        var top = scan.Findings
            .Where(f => f.CountedInTotal && f.Savings.MonthlyAmount is not null && f.Savings.Source != SavingsSource.NotApplicable)
            .OrderBy(f => f, FindingOrder.Instance).Take(TopActionCount)
            .Select((f, i) => new TopAction(
                i + 1, f.Action, f.Title, Resource(f), accountLabel(f.AccountId), f.Region, ReportFormat.Money(f.Savings.MonthlyAmount, f.Savings.Currency),
                ReportFormat.Money(f.Savings.AnnualAmount, f.Savings.Currency), ReportFormat.Source(f.Savings.Source), f.Savings.Basis,
                [.. f.Evidence.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => new EvidenceItem(e.Key, e.Value, SafeLink.Href(e.Value)))]))
            .ToList();
        var notes = new List<string>();
        var foreign = scan.Findings.Count(f => f.Savings.MonthlyAmount is not null && f.Savings.Currency != currency);
        if (foreign > 0)
        {
            notes.Add(ReportFormat.Count(foreign) + " findings are priced in another currency than " + currency + " and are not added to the totals.");
        }

        if (scan.Findings.Any(f => !f.CountedInTotal))
        {
            notes.Add("† marks a saving already counted in another finding on the same resource; it is not added twice.");
        }

        var forecast = scan.Inventory.Cost?.Forecast is { } fc
            ? ReportFormat.Money(fc.Mean, scan.Inventory.Cost.Currency) + " forecast for " + ReportFormat.Month(fc.PeriodStart)
            : null;
        return new SummarySection(
            currency, ReportFormat.Money(spend, currency), lastMonth is { } lm ? ReportFormat.Month(lm.Month) : ReportFormat.Unknown,
            ReportFormat.Money(totals.MonthlySavings, totals.Currency), ReportFormat.Money(totals.AnnualSavings, totals.Currency),
            ReportFormat.Share(share), scan.Findings.Count, totals.FindingsWithSavings, totals.FindingsWithUnknownSavings, forecast, top, notes);
    }

    private static (DateOnly Month, decimal Total)? LastFullMonth(CostBaseline? cost)
    {
        var final = cost?.MonthlyByService.Where(a => !a.Estimated).ToList();
        if (final is not { Count: > 0 })
        {
            return null;
        }

        var month = final.Max(a => a.PeriodStart);
        return (month, final.Where(a => a.PeriodStart == month).Sum(a => a.UnblendedCost));
    }

    private static SpendSection Spend(CostBaseline? cost, Func<string, string> accountLabel)
    {
        var currency = cost?.Currency ?? "USD";
        var months = cost?.MonthlyByService.Where(a => !a.Estimated).Select(a => a.PeriodStart).Distinct().Order().TakeLast(SvgCharts.MaxMonths).ToList() ?? [];
        var period = months.Count == 0 ? ReportFormat.Unknown : ReportFormat.Month(months[0]) + " – " + ReportFormat.Month(months[^1]);
        return new SpendSection(
            cost is not null,
            currency,
            period,
            SvgCharts.StackedMonthly("spend-service", "Monthly spend by service", cost?.MonthlyByService ?? [], k => k, currency),
            SvgCharts.StackedMonthly("spend-account", "Monthly spend by account", cost?.MonthlyByAccount ?? [], accountLabel, currency, SvgCharts.HalfWidth),
            SvgCharts.StackedMonthly("spend-region", "Monthly spend by region", cost?.MonthlyByRegion ?? [], k => k, currency, SvgCharts.HalfWidth));
    }

    private static SavingsSection Savings(SavingsTotals totals) => new(
        totals.MonthlyByCategory.Count > 0 || totals.MonthlyByService.Count > 0,
        totals.Currency,
        SvgCharts.HorizontalBars("savings-category", "Monthly savings by category", totals.MonthlyByCategory, totals.Currency, SvgCharts.HalfWidth),
        SvgCharts.HorizontalBars("savings-service", "Monthly savings by service", totals.MonthlyByService, totals.Currency, SvgCharts.HalfWidth));
}
