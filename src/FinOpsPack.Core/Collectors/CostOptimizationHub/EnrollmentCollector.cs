using FinOpsPack.Core.Aws.Services.CostOptimizationHub;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.CostOptimizationHub;

/// <summary>
/// Whether Cost Optimization Hub is enabled for the account. Not enrolled is a coverage gap with how to enable it;
/// FinOps Pack never enables it (it calls no Update operation).
/// </summary>
public sealed class EnrollmentCollector : ICollector
{
    public const string HowToEnable =
        "Opt in from the management account: Billing and Cost Management console → Cost Optimization Hub → Enable " +
        "(optionally for all member accounts), or `aws cost-optimization-hub update-enrollment-status --status Active " +
        "--include-member-accounts`. Recommendations appear within about 24 hours. FinOps Pack never enables it.";

    public string Name => "coh.enrollment";

    public CollectorScope Scope => CollectorScope.Global;

    public IReadOnlyList<string> RequiredActions { get; } = ["cost-optimization-hub:ListEnrollmentStatuses"];

    public string Provides => "whether Cost Optimization Hub recommendations can be read";

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var client = new CostOptimizationHubClient(context.Transport, context.Region);
        AccountEnrollmentStatus? mine = null;
        AccountEnrollmentStatus? first = null;
        bool? includeMemberAccounts = null;
        await foreach (var page in client.ListEnrollmentStatusesAsync(includeOrganizationInfo: false, ct).ConfigureAwait(false))
        {
            includeMemberAccounts ??= page.IncludeMemberAccounts;
            foreach (var item in page.Items ?? [])
            {
                first ??= item;
                if (item.AccountId == context.AccountId)
                {
                    mine = item;
                }
            }
        }

        // Without includeOrganizationInfo AWS answers for the calling account only; its id may be left out.
        var status = (mine ?? first)?.Status;
        if (status is null)
        {
            context.Note("Cost Optimization Hub returned no enrollment record for the account");
        }

        var enrollment = new CohEnrollment(context.AccountId, status ?? "Inactive", includeMemberAccounts);
        context.Inventory.Set(enrollment);
        if (enrollment.Status != "Active")
        {
            throw new CollectorNotEnabledException(
                $"Cost Optimization Hub is not enabled for account {context.AccountId} (status {enrollment.Status})", HowToEnable);
        }
    }
}
