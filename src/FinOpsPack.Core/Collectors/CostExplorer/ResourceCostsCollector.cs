using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Services.CostExplorer;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.CostExplorer;

/// <summary>
/// Actual EC2 compute cost per instance over the last 14 days (GetCostAndUsageWithResources: opt-in, 14 days at most,
/// filter SERVICE = Amazon Elastic Compute Cloud - Compute, grouped by RESOURCE_ID). Without the opt-in this is a
/// coverage gap ("not enabled"), not a failure.
/// </summary>
public sealed class ResourceCostsCollector : ICollector
{
    public const int WindowDays = 14;

    public const string HowToEnable =
        "In the management (payer) account open Billing and Cost Management → Cost Management preferences → Cost Explorer, " +
        "turn on \"Resource-level data at daily granularity\" and select Amazon Elastic Compute Cloud - Compute; " +
        "data appears within about 48 hours and covers the last 14 days. It is billed by AWS; FinOps Pack never changes the setting.";

    public string Name => "ce.resource-costs";

    public CollectorScope Scope => CollectorScope.Global;

    public IReadOnlyList<string> RequiredActions { get; } = ["ce:GetCostAndUsageWithResources"];

    public string Provides => "actual cost per EC2 instance over the last 14 days";

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        if (!context.Settings.ResourceLevelCost)
        {
            context.Note("resource-level cost not requested (scan settings)");
            return;
        }

        var client = new CostExplorerClient(context.Transport, context.Region);
        var today = CostExplorerQuery.Today(context);
        var start = today.AddDays(-WindowDays);
        var request = new GetCostAndUsageRequest(
            CostExplorerQuery.Interval(start, today),
            "DAILY",
            [CostExplorerQuery.UnblendedCost],
            [new GroupDefinition("DIMENSION", "RESOURCE_ID")],
            new Expression(new DimensionValues("SERVICE", [CostExplorerQuery.Ec2ComputeService])));

        var sums = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var units = new List<string?>();
        try
        {
            await foreach (var result in client.GetCostAndUsageWithResourcesAsync(request, ct).ConfigureAwait(false))
            {
                foreach (var group in result.Groups ?? [])
                {
                    if (group.Keys is not [var resourceId, ..] || group.Metrics?.GetValueOrDefault(CostExplorerQuery.UnblendedCost) is not { } cost)
                    {
                        continue;
                    }

                    units.Add(cost.Unit);
                    sums[resourceId] = sums.GetValueOrDefault(resourceId)
                        + (CostExplorerQuery.Amount(cost.Amount, "GetCostAndUsageWithResources") ?? 0m);
                }
            }
        }
        catch (AwsServiceException e) when (IsNotEnabled(e))
        {
            throw new CollectorNotEnabledException("resource-level cost data is not enabled (" + e.ErrorCode + ": " + e.AwsMessage + ")", HowToEnable);
        }

        var costs = sums
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new ResourceCost(s.Key, CostExplorerQuery.Ec2ComputeService, s.Value, start, today))
            .ToList();
        CostExplorerQuery.MergeBaseline(context, CostExplorerQuery.SingleUnit(units, context), b => b with { ResourceCosts = costs });
    }

    /// <summary>DataUnavailable, or a validation error that speaks of the opt-in (AWS's wording is not documented).</summary>
    public static bool IsNotEnabled(AwsServiceException e) =>
        e.ErrorCode == "DataUnavailableException"
        || (e.ErrorCode == "ValidationException"
            && (e.AwsMessage.Contains("opt", StringComparison.OrdinalIgnoreCase)
                || e.AwsMessage.Contains("not enabled", StringComparison.OrdinalIgnoreCase)
                || e.AwsMessage.Contains("resource level", StringComparison.OrdinalIgnoreCase)
                || e.AwsMessage.Contains("resource-level", StringComparison.OrdinalIgnoreCase)));
}
