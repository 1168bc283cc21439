using System.Globalization;

namespace FinOpsPack.Core.Rules.CostExplorer;

public sealed class CeCostAnomalyDetected : ICheck
{
    public static readonly CheckSetting<int> WindowDays = new(
        "ce_cost_anomaly_detected.window_days", 30, "Report anomalies that were still going on within this many days.");

    public static readonly CheckSetting<decimal> MinImpact = new(
        "ce_cost_anomaly_detected.min_impact", 10m, "Ignore anomalies whose total impact is below this.");

    public CheckMetadata Metadata { get; } = new(
        Id: "ce_cost_anomaly_detected",
        Title: "Cost anomaly detected by Cost Explorer",
        Service: "ce",
        ResourceType: "AWS::CE::Anomaly",
        Category: CheckCategory.Governance,
        Severity: Severity.Medium,
        Description: "Cost Anomaly Detection flagged spend above what it expected; an unexplained anomaly is often a misconfiguration or a leak still running.",
        RequiredEvidence: [EvidenceNames.CeAnomalies],
        SavingsMethod: "Not a saving: the anomaly's impact is cost already incurred. It is shown as context and not added to the total.",
        Remediation: "Open the anomaly in Cost Anomaly Detection, confirm its root cause (service, account, region, usage type) and give feedback; stop what should not be running.")
    {
        Settings = [WindowDays.Info, MinImpact.Info],
    };

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var since = DateOnly.FromDateTime(context.Now.UtcDateTime).AddDays(-context.Settings.Get(WindowDays));
        var minImpact = context.Settings.Get(MinImpact);
        var currency = context.Currency;
        foreach (var anomaly in context.Inventory.Cost?.Anomalies ?? [])
        {
            var region = anomaly.Region ?? "global";
            if ((anomaly.EndDate ?? anomaly.StartDate) is not { } last)
            {
                context.EvidenceIncomplete(region, anomaly.AnomalyId, "anomaly without dates");
                continue;
            }

            var impact = anomaly.TotalImpact ?? anomaly.MaxImpact;
            if (last < since || impact < minImpact)
            {
                continue;
            }

            var where = string.Join(", ", new[] { anomaly.Service, anomaly.UsageType, anomaly.LinkedAccount }.OfType<string>());
            yield return Metadata.CreateFinding(
                new FindingTarget(anomaly.LinkedAccount ?? context.AccountId, region, anomaly.AnomalyId),
                "Investigate the root cause",
                string.Create(CultureInfo.InvariantCulture, $"Cost anomaly ({(where.Length > 0 ? where : "root cause not given")}) {anomaly.StartDate:yyyy-MM-dd}..{anomaly.EndDate:yyyy-MM-dd}: impact {impact:0.00} {currency}"),
                Savings.NotApplicable(string.Create(CultureInfo.InvariantCulture, $"cost already incurred ({impact:0.00} {currency} total impact), not a recurring saving"), currency),
                new Dictionary<string, string>
                {
                    ["start_date"] = anomaly.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                    ["end_date"] = anomaly.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                    ["service"] = anomaly.Service ?? "",
                    ["usage_type"] = anomaly.UsageType ?? "",
                    ["max_impact"] = anomaly.MaxImpact.ToString("0.00", CultureInfo.InvariantCulture),
                    ["total_impact"] = anomaly.TotalImpact?.ToString("0.00", CultureInfo.InvariantCulture) ?? "",
                    ["max_score"] = anomaly.MaxScore?.ToString("0.##", CultureInfo.InvariantCulture) ?? "",
                });
        }
    }
}
