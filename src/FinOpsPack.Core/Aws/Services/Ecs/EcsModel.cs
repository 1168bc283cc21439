using System.Text.Json.Serialization;

namespace FinOpsPack.Core.Aws.Services.Ecs;

// ECS members are lowerCamel on the wire; responses bind case-insensitively, requests name them explicitly.

public sealed record ListClustersRequest(
    [property: JsonPropertyName("maxResults")] int MaxResults,
    [property: JsonPropertyName("nextToken")] string? NextToken = null);

public sealed record ListClustersResponse(IReadOnlyList<string>? ClusterArns, string? NextToken);

/// <param name="Clusters">At most 100 names or ARNs per call.</param>
public sealed record DescribeClustersRequest(
    [property: JsonPropertyName("clusters")] IReadOnlyList<string> Clusters,
    [property: JsonPropertyName("include")] IReadOnlyList<string> Include);

public sealed record EcsTag(string? Key, string? Value);

public sealed record ClusterDescription(
    [property: JsonRequired] string ClusterArn,
    string? ClusterName,
    string? Status,
    int? RunningTasksCount,
    int? PendingTasksCount,
    int? ActiveServicesCount,
    int? RegisteredContainerInstancesCount,
    IReadOnlyList<EcsTag>? Tags);

public sealed record EcsFailure(string? Arn, string? Reason, string? Detail);

public sealed record DescribeClustersResponse(IReadOnlyList<ClusterDescription>? Clusters, IReadOnlyList<EcsFailure>? Failures);

public sealed record ListServicesRequest(
    [property: JsonPropertyName("cluster")] string Cluster,
    [property: JsonPropertyName("maxResults")] int MaxResults,
    [property: JsonPropertyName("nextToken")] string? NextToken = null);

public sealed record ListServicesResponse(IReadOnlyList<string>? ServiceArns, string? NextToken);

/// <param name="Services">At most 10 names or ARNs per call.</param>
public sealed record DescribeServicesRequest(
    [property: JsonPropertyName("cluster")] string Cluster,
    [property: JsonPropertyName("services")] IReadOnlyList<string> Services,
    [property: JsonPropertyName("include")] IReadOnlyList<string> Include);

public sealed record CapacityProviderStrategyItem(string? CapacityProvider, int? Weight, int? Base);

/// <param name="LaunchType">EC2 | FARGATE | EXTERNAL | MANAGED_INSTANCES, absent when a capacity provider strategy is used.</param>
public sealed record ServiceDescription(
    [property: JsonRequired] string ServiceArn,
    string? ServiceName,
    string? ClusterArn,
    string? Status,
    int? DesiredCount,
    int? RunningCount,
    int? PendingCount,
    string? LaunchType,
    IReadOnlyList<CapacityProviderStrategyItem>? CapacityProviderStrategy,
    IReadOnlyList<EcsTag>? Tags);

public sealed record DescribeServicesResponse(IReadOnlyList<ServiceDescription>? Services, IReadOnlyList<EcsFailure>? Failures);
