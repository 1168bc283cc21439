using System.Globalization;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Core.Report;

/// <summary>Builds the <see cref="ReportModel"/> from a scan. Pure: the clock comes in, nothing is read or written.</summary>
public static class ReportModelBuilder
{
    public const int ServerSideRows = 100;
    public const int TopActionCount = 5;
    public const int MaxUnboundedPrincipals = 50;

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
            Coh(inventory),
            Bedrock(inventory),
            Coverage(scan.Collectors),
            Metadata(scan),
            new DataHandlingSection(redacted));
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

    private static CohSection Coh(AccountInventory inventory)
    {
        var enrollment = inventory.CohEnrollment;
        var prefs = inventory.CohPreferences;
        var summary = inventory.CohSummary;
        var currency = summary?.CurrencyCode ?? "USD";
        var active = string.Equals(enrollment?.Status, "Active", StringComparison.OrdinalIgnoreCase);
        string? note = enrollment is null
            ? "Enrollment could not be read; see Coverage."
            : active ? null : "Cost Optimization Hub is not active: opt in from the Billing and Cost Management console (Cost Optimization Hub → Enable) to get its recommendations.";
        return new CohSection(
            enrollment is not null,
            enrollment?.Status ?? ReportFormat.Unknown,
            active,
            ReportFormat.YesNo(enrollment?.IncludeMemberAccounts),
            prefs is null
                ? []
                :
                [
                    new("Savings estimation mode", prefs.SavingsEstimationMode ?? "—"),
                    new("Member account discount visibility", prefs.MemberAccountDiscountVisibility ?? "—"),
                    new("Preferred commitment term", prefs.PreferredCommitmentTerm ?? "—"),
                    new("Preferred commitment payment option", prefs.PreferredCommitmentPaymentOption ?? "—"),
                ],
            summary is null ? ReportFormat.Count(inventory.CohRecommendations.Count) : ReportFormat.Count(summary.RecommendationCount),
            ReportFormat.Money(summary?.EstimatedTotalDedupedSavings, currency),
            ReportFormat.Money(inventory.CohRecommendations.Count == 0 ? null : inventory.CohRecommendations.Sum(r => r.EstimatedMonthlySavings), currency),
            note);
    }

    private static BedrockSection Bedrock(AccountInventory inventory)
    {
        var g = inventory.BedrockGovernance;
        var unbounded = inventory.IamPrincipals.Where(p => p.BedrockCapable && p.PermissionsBoundaryArn is null).ToList();
        return new BedrockSection(
            g is not null,
            g is null ? ReportFormat.Unknown : ReportFormat.Share(g.BoundaryShare),
            g?.BedrockCapable ?? 0,
            g?.WithBoundary ?? 0,
            g is null ? 0 : g.BedrockCapable - g.WithBoundary,
            [.. unbounded.Take(MaxUnboundedPrincipals).Select(p => new PrincipalRow(p.Kind.ToString(), p.Name, p.Arn, string.Join("; ", p.BedrockGrants)))],
            Math.Max(0, unbounded.Count - MaxUnboundedPrincipals));
    }

    private static CoverageSection Coverage(IReadOnlyList<CollectorOutcome> outcomes)
    {
        var items = outcomes.Where(o => o.Status != CollectorStatus.Ok)
            .GroupBy(o => (o.Collector, o.Status, o.MissingAction, o.Reason, o.Provides))
            .OrderBy(g => g.Key.Collector, StringComparer.Ordinal).ThenBy(g => g.Key.Status)
            .Select(g => new CoverageItem(
                g.Key.Collector,
                StatusText(g.Key.Status),
                string.Join(", ", g.Select(o => o.Region ?? "global").Distinct().Order(StringComparer.Ordinal)),
                g.Key.Provides,
                Enable(g.First()),
                g.Key.Reason is { } reason && reason != Enable(g.First()) ? reason : ""))
            .ToList();
        return new CoverageSection(items.Count == 0, outcomes.Count, outcomes.Count(o => o.Status != CollectorStatus.Ok), items);
    }

    private static string StatusText(CollectorStatus status) => status switch
    {
        CollectorStatus.NotPermitted => "not permitted",
        CollectorStatus.NotEnabled => "not enabled",
        CollectorStatus.Failed => "failed",
        CollectorStatus.Skipped => "skipped",
        _ => "ok",
    };

    private static string Enable(CollectorOutcome o) => o.Status switch
    {
        CollectorStatus.NotPermitted => "Allow " + (o.MissingAction ?? "the denied action") + " in the review role's policy (redeploy the FinOps Pack CloudFormation stack).",
        CollectorStatus.NotEnabled => o.Reason ?? "Enable the feature in the account.",
        CollectorStatus.Failed => "Re-run the scan; if it fails again, report the error below.",
        _ => o.Reason ?? "",
    };

    private static MetadataSection Metadata(ScanResult scan)
    {
        var m = scan.Scan;
        var api = scan.Api;
        var inv = CultureInfo.InvariantCulture;
        return new MetadataSection(
            [
                new("Caller", m.CallerArn ?? ReportFormat.Unknown),
                new("Role", m.RoleArn),
                new("Assumed role", m.AssumedRoleArn ?? ReportFormat.Unknown),
                new("Session name", m.SessionName),
                new("External ID fingerprint", m.ExternalIdFingerprint),
                new("Account", m.AccountId),
                new("Regions", m.Regions.Count == 0 ? "—" : string.Join(", ", m.Regions)),
                new("Started", ReportFormat.Timestamp(m.StartedAt)),
                new("Finished", ReportFormat.Timestamp(m.FinishedAt)),
                new("Duration", ReportFormat.Duration(m.DurationMs)),
                new("API calls", ReportFormat.Count(api.Calls) + " (" + ReportFormat.Count(api.Attempts) + " attempts, " + ReportFormat.Count(api.Retries) + " retries, " + ReportFormat.Count(api.Failed) + " failed)"),
                new("Throttled responses", ReportFormat.Count(api.Throttled)),
                new("Cost Explorer requests", ReportFormat.Count(api.CostExplorerRequests) + " billed requests, " + ReportFormat.Money(api.CostExplorerCostUsd, "USD")),
                new("Exit code", m.ExitCode.ToString(inv)),
                new("Tool version", m.ToolVersion),
                new("Review ID", m.ReviewId),
            ],
            new DataTable(
                "API calls by service",
                ["Service", "Calls"],
                [.. api.CallsByService.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (IReadOnlyList<string>)[kv.Key, ReportFormat.Count(kv.Value)])]));
    }

    /// <summary>Known savings first, largest first; then unknown; then risks; ties by service, resource and id.</summary>
    private sealed class FindingOrder : IComparer<Finding>
    {
        public static readonly FindingOrder Instance = new();

        public int Compare(Finding? x, Finding? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null || y is null)
            {
                return x is null ? 1 : -1;
            }

            var c = Rank(x).CompareTo(Rank(y));
            if (c != 0)
            {
                return c;
            }

            c = (y.Savings.MonthlyAmount ?? 0).CompareTo(x.Savings.MonthlyAmount ?? 0);
            if (c != 0)
            {
                return c;
            }

            c = string.CompareOrdinal(x.Service, y.Service);
            c = c != 0 ? c : string.CompareOrdinal(x.ResourceId, y.ResourceId);
            return c != 0 ? c : string.CompareOrdinal(x.Id, y.Id);
        }

        private static int Rank(Finding f) =>
            f.Savings.Source == SavingsSource.NotApplicable ? 2 : f.Savings.MonthlyAmount is null ? 1 : 0;
    }
}
