using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Tests.Fleet;

/// <summary>
/// A deliberately small evaluator for the fleet tests (independent of the check catalogue): one finding per unattached
/// EBS volume, saving its size × 0.10 USD per GiB-month, with the totals of those findings.
/// </summary>
internal static class UnattachedVolumeEvaluator
{
    public const decimal PerGiBMonth = 0.10m;

    public static Task<ScanResult> EvaluateAsync(ScanResult scan, CancellationToken ct)
    {
        var findings = scan.Inventory.EbsVolumes
            .Where(v => v.AttachedInstanceIds.Count == 0)
            .Select(v => new Finding(
                $"test.ebs-unattached:{v.AccountId}:{v.Region}:{v.VolumeId}", "test.ebs-unattached", "Unattached EBS volume",
                CheckCategory.Waste, Severity.Medium, "ec2", "AWS::EC2::Volume", v.VolumeId, null, null, v.AccountId, v.Region,
                v.SizeGiB > 100 ? "Snapshot and delete" : "Delete", $"{v.SizeGiB} GiB unattached",
                new SavingsEstimate(v.SizeGiB * PerGiBMonth, "USD", SavingsSource.PriceTable, $"{v.SizeGiB} GiB × {PerGiBMonth} USD/GiB-month"),
                new Dictionary<string, string>()))
            .ToList();
        var monthly = findings.Sum(f => f.Savings.MonthlyAmount ?? 0m);
        var totals = new SavingsTotals("USD", monthly, monthly * 12, null, null, findings.Count, 0,
            new Dictionary<string, decimal> { ["Waste"] = monthly }, new Dictionary<string, decimal> { ["ec2"] = monthly }, null, null);
        return Task.FromResult(scan with { Findings = findings, Savings = totals });
    }
}
