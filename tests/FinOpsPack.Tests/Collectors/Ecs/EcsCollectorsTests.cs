using System.Text.Json;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Scanning;
using FinOpsPack.Tests.SampleAccount.Dataset;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Collectors.Ecs;

public sealed class EcsCollectorsTests
{
    [Fact]
    public async Task Should_Collect_Every_Cluster_And_Service_Of_Both_Regions_With_Their_Fields()
    {
        // Given the sample account, with enough services in one cluster for two DescribeServices batches
        await using var session = await SampleAccountSession.StartAsync(SampleAccountSession.NewDataset().WithManyEcs(clusters: 4, services: 9));
        var d = session.Dataset;

        // When both ECS collectors run in both regions
        var (inventory, outcomes) = await session.RunAsync(["ecs.clusters", "ecs.services"]);

        // Then every cluster and service is there exactly as the dataset has it (tags, launch type, capacity providers)
        Assert.All(outcomes, o => Assert.Equal(CollectorStatus.Ok, o.Status));
        Assert.Equal(4, outcomes.Count);
        Assert.Equal(
            Json(d.EcsClusters.OrderBy(c => c.ClusterArn, StringComparer.Ordinal).Select(c => c with { Tags = Sorted(c.Tags) })),
            Json(inventory.EcsClusters.Select(c => c with { Tags = Sorted(c.Tags) })));
        Assert.Equal(
            Json(d.EcsServices.OrderBy(s => s.ServiceArn, StringComparer.Ordinal).Select(s => s with { Tags = Sorted(s.Tags) })),
            Json(inventory.EcsServices.Select(s => s with { Tags = Sorted(s.Tags) })));

        // prod-web's 12 services take two DescribeServices calls (10 at most each); batch and eu-prod one each
        Assert.Equal(4, session.Calls("ecs:DescribeServices"));
    }

    private static SortedDictionary<string, string> Sorted(IReadOnlyDictionary<string, string> tags) => new(tags.ToDictionary(), StringComparer.Ordinal);

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ScanJson.Options);
}
