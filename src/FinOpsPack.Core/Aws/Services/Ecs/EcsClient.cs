using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Aws.Services.Ecs;

/// <summary>Amazon ECS (awsJson 1.1, regional). List calls page; Describe calls take bounded batches.</summary>
public sealed class EcsClient(IAwsTransport transport, string region)
{
    public const int ListPageSize = 100;
    public const int DescribeClustersBatch = 100;
    public const int DescribeServicesBatch = 10;
    private static readonly string[] IncludeTags = ["TAGS"];

    public IAsyncEnumerable<string> ListClustersAsync(CancellationToken ct) =>
        Paginator.PaginateAsync(
            (token, c) => AwsJsonCall.SendAsync<ListClustersResponse>(
                transport, AwsService.Ecs, region, "ListClusters", new ListClustersRequest(ListPageSize, token), c),
            page => page.NextToken,
            page => page.ClusterArns ?? [],
            ct);

    /// <summary>Up to <see cref="DescribeClustersBatch"/> clusters, with their tags.</summary>
    public Task<DescribeClustersResponse> DescribeClustersAsync(IReadOnlyList<string> clusters, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(clusters.Count, DescribeClustersBatch);
        return AwsJsonCall.SendAsync<DescribeClustersResponse>(
            transport, AwsService.Ecs, region, "DescribeClusters", new DescribeClustersRequest(clusters, IncludeTags), ct);
    }

    public IAsyncEnumerable<string> ListServicesAsync(string cluster, CancellationToken ct) =>
        Paginator.PaginateAsync(
            (token, c) => AwsJsonCall.SendAsync<ListServicesResponse>(
                transport, AwsService.Ecs, region, "ListServices", new ListServicesRequest(cluster, ListPageSize, token), c),
            page => page.NextToken,
            page => page.ServiceArns ?? [],
            ct);

    /// <summary>Up to <see cref="DescribeServicesBatch"/> services of one cluster, with their tags.</summary>
    public Task<DescribeServicesResponse> DescribeServicesAsync(string cluster, IReadOnlyList<string> services, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(services.Count, DescribeServicesBatch);
        return AwsJsonCall.SendAsync<DescribeServicesResponse>(
            transport, AwsService.Ecs, region, "DescribeServices", new DescribeServicesRequest(cluster, services, IncludeTags), ct);
    }
}
