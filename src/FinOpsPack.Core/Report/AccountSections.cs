using System.Globalization;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Core.Report;

/// <summary>The report sections read from the account's state rather than from the findings.</summary>
internal static class AccountSections
{
    public const int MaxUnboundedPrincipals = 50;

    public static CohSection Coh(AccountInventory inventory)
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

    public static BedrockSection Bedrock(AccountInventory inventory)
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

    public static CoverageSection Coverage(IReadOnlyList<CollectorOutcome> outcomes)
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

    public static MetadataSection Metadata(ScanResult scan)
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
}
