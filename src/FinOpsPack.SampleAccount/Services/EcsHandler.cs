using System.Text.Json.Nodes;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Inventory;
using FinOpsPack.SampleAccount.Hosting;

namespace FinOpsPack.SampleAccount.Services;

/// <summary>Amazon ECS of the sample account (awsJson 1.1, regional): list and describe clusters and services.</summary>
public sealed class EcsHandler : ISampleServiceHandler
{
    private static readonly HashSet<string> Served = new(StringComparer.Ordinal) { "ListClusters", "DescribeClusters", "ListServices", "DescribeServices" };

    public AwsService Service => AwsService.Ecs;

    public string ThrottleCode => "ThrottlingException";

    public string? ResolveOperation(SampleCall call) => JsonServiceAnswers.Operation(call, Service, Served);

    public Task HandleAsync(SampleCall call, string operation, CancellationToken ct) =>
        JsonServiceAnswers.AnswerAsync(call, Service, "message", input => operation switch
        {
            "ListClusters" => ListClusters(call, input),
            "DescribeClusters" => DescribeClusters(call, input),
            "ListServices" => ListServices(call, input),
            _ => DescribeServices(call, input),
        });

    private static List<EcsCluster> Clusters(SampleCall call) =>
        [.. call.Dataset.EcsClusters.Where(c => c.Region == call.Region && c.AccountId == call.AccountId).OrderBy(c => c.ClusterArn, StringComparer.Ordinal)];

    private static EcsCluster? Find(SampleCall call, string nameOrArn) =>
        Clusters(call).FirstOrDefault(c => c.ClusterArn == nameOrArn || c.ClusterName == nameOrArn);

    private static object ListClusters(SampleCall call, JsonObject input)
    {
        var size = JsonServiceAnswers.PageSize(input.Int("maxResults"), 100, 100, "InvalidParameterException", "maxResults", call.Dataset.MaxPageSize);
        var scope = "ListClusters/" + call.Region;
        var offset = SamplePageToken.Decode(input.String("nextToken"), scope)
            ?? throw new SampleServiceError("InvalidParameterException", "Invalid token");
        var (page, next) = SamplePageToken.Slice(Clusters(call), offset, size, scope);
        return new { clusterArns = page.Select(c => c.ClusterArn), nextToken = next };
    }

    private static object DescribeClusters(SampleCall call, JsonObject input)
    {
        var names = input.Strings("clusters") is { Count: > 0 } given ? given : ["default"];
        if (names.Count > 100)
        {
            throw new SampleServiceError("InvalidParameterException", "Clusters cannot have more than 100 elements");
        }

        var tags = input.Strings("include").Contains("TAGS");
        var found = names.Select(n => (Name: n, Cluster: Find(call, n))).ToList();
        return new
        {
            clusters = found.Where(f => f.Cluster is not null).Select(f => f.Cluster!).Select(c => new
            {
                clusterArn = c.ClusterArn,
                clusterName = c.ClusterName,
                status = c.Status,
                registeredContainerInstancesCount = 0,
                runningTasksCount = c.RunningTasksCount,
                pendingTasksCount = 0,
                activeServicesCount = c.ActiveServicesCount,
                statistics = Array.Empty<object>(),
                tags = tags ? Tags(c.Tags) : null,
                settings = new[] { new { name = "containerInsights", value = "disabled" } },
                capacityProviders = new[] { "FARGATE", "FARGATE_SPOT" },
                defaultCapacityProviderStrategy = Array.Empty<object>(),
            }),
            failures = found.Where(f => f.Cluster is null).Select(f => new
            {
                arn = f.Name.StartsWith("arn:", StringComparison.Ordinal) ? f.Name : $"arn:aws:ecs:{call.Region}:{call.AccountId}:cluster/{f.Name}",
                reason = "MISSING",
            }),
        };
    }

    private static EcsCluster RequiredCluster(SampleCall call, JsonObject input) =>
        Find(call, input.String("cluster") ?? "default") ?? throw new SampleServiceError("ClusterNotFoundException", "Cluster not found.");

    private static object ListServices(SampleCall call, JsonObject input)
    {
        var cluster = RequiredCluster(call, input);
        var size = JsonServiceAnswers.PageSize(input.Int("maxResults"), 10, 100, "InvalidParameterException", "maxResults", call.Dataset.MaxPageSize);
        var scope = "ListServices/" + cluster.ClusterArn;
        var offset = SamplePageToken.Decode(input.String("nextToken"), scope)
            ?? throw new SampleServiceError("InvalidParameterException", "Invalid token");
        var services = call.Dataset.EcsServices.Where(s => s.ClusterArn == cluster.ClusterArn)
            .OrderBy(s => s.ServiceArn, StringComparer.Ordinal).ToList();
        var (page, next) = SamplePageToken.Slice(services, offset, size, scope);
        return new { serviceArns = page.Select(s => s.ServiceArn), nextToken = next };
    }

    private static object DescribeServices(SampleCall call, JsonObject input)
    {
        var cluster = RequiredCluster(call, input);
        var names = input.Strings("services");
        if (names.Count is 0 or > 10)
        {
            throw new SampleServiceError("InvalidParameterException", "services should have between 1 and 10 elements.");
        }

        var tags = input.Strings("include").Contains("TAGS");
        var services = call.Dataset.EcsServices.Where(s => s.ClusterArn == cluster.ClusterArn).ToList();
        var found = names.Select(n => (Name: n, Service: services.FirstOrDefault(s => s.ServiceArn == n || s.ServiceName == n))).ToList();
        return new
        {
            services = found.Where(f => f.Service is not null).Select(f => f.Service!).Select(s => new
            {
                serviceArn = s.ServiceArn,
                serviceName = s.ServiceName,
                clusterArn = s.ClusterArn,
                status = s.Status,
                desiredCount = s.DesiredCount,
                runningCount = s.RunningCount,
                pendingCount = 0,
                launchType = s.LaunchType,
                capacityProviderStrategy = s.CapacityProviders.Count == 0
                    ? null
                    : s.CapacityProviders.Select((p, i) => new { capacityProvider = p, weight = i == 0 ? 3 : 1, @base = 0 }),
                platformVersion = s.LaunchType is "EC2" ? null : "LATEST",
                taskDefinition = $"arn:aws:ecs:{s.Region}:{s.AccountId}:task-definition/{s.ServiceName}:7",
                schedulingStrategy = "REPLICA",
                createdAt = JsonServiceAnswers.Epoch(call.Dataset.Now.AddDays(-120)),
                tags = tags ? Tags(s.Tags) : null,
            }),
            failures = found.Where(f => f.Service is null).Select(f => new
            {
                arn = f.Name.StartsWith("arn:", StringComparison.Ordinal) ? f.Name : $"arn:aws:ecs:{call.Region}:{call.AccountId}:service/{f.Name}",
                reason = "MISSING",
            }),
        };
    }

    private static IEnumerable<object> Tags(IReadOnlyDictionary<string, string> tags) =>
        tags.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => new { key = t.Key, value = t.Value });
}
