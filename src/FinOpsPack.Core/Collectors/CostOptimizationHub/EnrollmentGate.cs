using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.CostOptimizationHub;

/// <summary>
/// What the collectors that depend on coh.enrollment do with its answer: a hub known not to be enabled makes them
/// "not enabled" too, without a call. An unknown enrollment (the status could not be read) lets them try.
/// </summary>
internal static class EnrollmentGate
{
    public static void ThrowIfNotEnabled(CollectorContext context)
    {
        if (context.Inventory.Get<CohEnrollment>() is { Status: not "Active" } enrollment)
        {
            throw new CollectorNotEnabledException(
                $"Cost Optimization Hub is not enabled for account {enrollment.AccountId} (status {enrollment.Status})",
                EnrollmentCollector.HowToEnable);
        }
    }
}
