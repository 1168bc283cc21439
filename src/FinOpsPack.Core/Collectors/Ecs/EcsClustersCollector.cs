using FinOpsPack.Core.Aws.Services.Ecs;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.Ecs;

/// <summary>ECS clusters of a region with their task and service counts and tags.</summary>
public sealed class EcsClustersCollector : ICollector
{
    public string Name => "ecs.clusters";

    public CollectorScope Scope => CollectorScope.Regional;

    public IReadOnlyList<string> RequiredActions { get; } = ["ecs:ListClusters", "ecs:DescribeClusters"];

    public string Provides => "ECS clusters (idle cluster findings)";

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var client = new EcsClient(context.Transport, context.Region);
        var arns = new List<string>();
        await foreach (var arn in client.ListClustersAsync(ct).ConfigureAwait(false))
        {
            arns.Add(arn);
        }

        var batches = await Task.WhenAll(arns.Chunk(EcsClient.DescribeClustersBatch)
            .Select(batch => client.DescribeClustersAsync(batch, ct))).ConfigureAwait(false);
        foreach (var response in batches)
        {
            EcsTags.NoteFailures(context, "cluster", response.Failures);
            context.Inventory.AddRange((response.Clusters ?? []).Select(c => new EcsCluster(
                context.AccountId,
                context.Region,
                c.ClusterArn,
                c.ClusterName ?? c.ClusterArn[(c.ClusterArn.LastIndexOf('/') + 1)..],
                c.Status ?? "",
                c.RunningTasksCount ?? 0,
                c.ActiveServicesCount ?? 0,
                EcsTags.ToDictionary(c.Tags))));
        }
    }
}
