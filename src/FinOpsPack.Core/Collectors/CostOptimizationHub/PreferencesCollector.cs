using FinOpsPack.Core.Aws.Services.CostOptimizationHub;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.CostOptimizationHub;

/// <summary>How Cost Optimization Hub estimates savings (before or after discounts), which the report must state.</summary>
public sealed class PreferencesCollector : ICollector
{
    public string Name => "coh.preferences";

    public CollectorScope Scope => CollectorScope.Global;

    public IReadOnlyList<string> RequiredActions { get; } = ["cost-optimization-hub:GetPreferences"];

    /// <summary>The preferences of a hub that is not enabled mean nothing; reading them would only add a second error.</summary>
    public IReadOnlyList<string> DependsOn { get; } = ["coh.enrollment"];

    public string Provides => "the savings estimation mode behind Cost Optimization Hub figures";

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        EnrollmentGate.ThrowIfNotEnabled(context);
        var client = new CostOptimizationHubClient(context.Transport, context.Region);
        var p = await client.GetPreferencesAsync(ct).ConfigureAwait(false);
        context.Inventory.Set(new CohPreferences(
            p.SavingsEstimationMode, p.MemberAccountDiscountVisibility, p.PreferredCommitment?.Term, p.PreferredCommitment?.PaymentOption));
    }
}
