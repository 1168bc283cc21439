using System.Text.Json;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Collectors.Ecs;

/// <summary>The ECS collectors against moto seeded in two regions; boto3's Describe answers are the reference.</summary>
public sealed class EcsCollectorsMotoTests(MotoServer moto) : IClassFixture<MotoServer>
{
    /// <summary>us-east-1: a tagged cluster with 12 services (two DescribeServices batches) and an empty one; eu-west-1: one of each kind.</summary>
    private const string SeedScript = """
        import boto3, json
        out = {}
        for region, clusters in [("us-east-1", [("web", 12, "FARGATE"), ("empty", 0, None)]), ("eu-west-1", [("eu", 2, "EC2")])]:
            ecs = boto3.client("ecs", region_name=region)
            td = ecs.register_task_definition(family="app", containerDefinitions=[{"name": "app", "image": "nginx", "memory": 128}])["taskDefinition"]["taskDefinitionArn"]
            for name, services, launch in clusters:
                ecs.create_cluster(clusterName=name, tags=[{"key": "team", "value": name}, {"key": "env", "value": "prod"}])
                for i in range(services):
                    ecs.create_service(cluster=name, serviceName=f"{name}-svc-{i:02}", taskDefinition=td, desiredCount=i % 3,
                                       launchType=launch, tags=[{"key": "n", "value": str(i)}])
            arns = ecs.list_clusters()["clusterArns"]
            described = ecs.describe_clusters(clusters=arns, include=["TAGS"])["clusters"]
            services = []
            for c in arns:
                names = ecs.list_services(cluster=c)["serviceArns"]
                for i in range(0, len(names), 10):
                    services += ecs.describe_services(cluster=c, services=names[i:i + 10], include=["TAGS"])["services"]
            out[region] = {"clusters": described, "services": services}
        print(json.dumps(out, default=str))
        """;

    [MotoFact]
    public async Task Should_Return_Exactly_The_Seeded_Clusters_And_Services_Of_Both_Regions()
    {
        // Given moto with clusters and services in two regions
        await MotoCollectorRun.ResetAsync(moto);
        var seeded = JsonDocument.Parse(moto.RunPython(SeedScript)).RootElement;

        // When both ECS collectors run in both regions
        var (inventory, outcomes, audit) = await MotoCollectorRun.RunAsync(moto, ["ecs.clusters", "ecs.services"], ["us-east-1", "eu-west-1"]);

        // Then each cluster and service is what boto3 reads back from moto, fields and tags included
        Assert.All(outcomes, o => Assert.Equal(CollectorStatus.Ok, o.Status));
        var clusters = new List<string>();
        var services = new List<string>();
        foreach (var region in new[] { "us-east-1", "eu-west-1" })
        {
            clusters.AddRange(seeded.GetProperty(region).GetProperty("clusters").EnumerateArray().Select(c => Describe(new EcsCluster(
                MotoCollectorRun.DefaultAccount, region, c.GetProperty("clusterArn").GetString()!, c.GetProperty("clusterName").GetString()!,
                c.GetProperty("status").GetString()!, c.GetProperty("runningTasksCount").GetInt32(), c.GetProperty("activeServicesCount").GetInt32(),
                Tags(c)))));
            services.AddRange(seeded.GetProperty(region).GetProperty("services").EnumerateArray().Select(s => Describe(new EcsService(
                MotoCollectorRun.DefaultAccount, region, s.GetProperty("serviceArn").GetString()!, s.GetProperty("serviceName").GetString()!,
                s.GetProperty("clusterArn").GetString()!, s.GetProperty("status").GetString()!,
                s.TryGetProperty("launchType", out var lt) ? lt.GetString() : null, s.GetProperty("desiredCount").GetInt32(),
                s.GetProperty("runningCount").GetInt32(), [], Tags(s)))));
        }

        Assert.Equal(clusters.Order(StringComparer.Ordinal), inventory.EcsClusters.Select(Describe));
        Assert.Equal(services.Order(StringComparer.Ordinal), inventory.EcsServices.Select(Describe).Order(StringComparer.Ordinal));
        Assert.Equal(14, inventory.EcsServices.Count);
        Assert.Equal(3, audit.Records.Count(r => r.Action == "ecs:DescribeServices"));
    }

    private static Dictionary<string, string> Tags(JsonElement e) =>
        e.TryGetProperty("tags", out var tags) ? tags.EnumerateArray().ToDictionary(t => t.GetProperty("key").GetString()!, t => t.GetProperty("value").GetString()!) : [];

    private static string Describe(EcsCluster c) =>
        $"{c.Region}|{c.ClusterArn}|{c.ClusterName}|{c.Status}|{c.RunningTasksCount}|{c.ActiveServicesCount}|{Join(c.Tags)}";

    private static string Describe(EcsService s) =>
        $"{s.Region}|{s.ServiceArn}|{s.ServiceName}|{s.ClusterArn}|{s.Status}|{s.LaunchType}|{s.DesiredCount}|{s.RunningCount}|{string.Join(',', s.CapacityProviders)}|{Join(s.Tags)}";

    private static string Join(IReadOnlyDictionary<string, string> tags) =>
        string.Join(',', tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key + "=" + t.Value));
}
