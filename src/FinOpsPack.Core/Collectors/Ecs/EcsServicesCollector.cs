using FinOpsPack.Core.Aws.Services.Ecs;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.Ecs;

/// <summary>
/// ECS services of every cluster in a region. Lists the clusters itself (one cheap call) rather than waiting for
/// ecs.clusters, so a denied DescribeClusters hides no service and nothing waits on a call it does not need.
/// </summary>
public sealed class EcsServicesCollector : ICollector
{
    public string Name => "ecs.services";

    public CollectorScope Scope => CollectorScope.Regional;

    public IReadOnlyList<string> RequiredActions { get; } = ["ecs:ListClusters", "ecs:ListServices", "ecs:DescribeServices"];

    public string Provides => "ECS services (idle and over-provisioned service findings)";

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var client = new EcsClient(context.Transport, context.Region);
        var clusters = new List<string>();
        await foreach (var arn in client.ListClustersAsync(ct).ConfigureAwait(false))
        {
            clusters.Add(arn);
        }

        await Task.WhenAll(clusters.Select(cluster => CollectClusterAsync(context, client, cluster, ct))).ConfigureAwait(false);
    }

    private static async Task CollectClusterAsync(CollectorContext context, EcsClient client, string cluster, CancellationToken ct)
    {
        var arns = new List<string>();
        await foreach (var arn in client.ListServicesAsync(cluster, ct).ConfigureAwait(false))
        {
            arns.Add(arn);
        }

        var batches = await Task.WhenAll(arns.Chunk(EcsClient.DescribeServicesBatch)
            .Select(batch => client.DescribeServicesAsync(cluster, batch, ct))).ConfigureAwait(false);
        foreach (var response in batches)
        {
            EcsTags.NoteFailures(context, "service", response.Failures);
            context.Inventory.AddRange((response.Services ?? []).Select(s => new EcsService(
                context.AccountId,
                context.Region,
                s.ServiceArn,
                s.ServiceName ?? s.ServiceArn[(s.ServiceArn.LastIndexOf('/') + 1)..],
                s.ClusterArn ?? cluster,
                s.Status ?? "",
                s.LaunchType,
                s.DesiredCount ?? 0,
                s.RunningCount ?? 0,
                [.. (s.CapacityProviderStrategy ?? []).Select(p => p.CapacityProvider).OfType<string>()],
                EcsTags.ToDictionary(s.Tags))));
        }
    }
}
