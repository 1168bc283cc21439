using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Services.Ecs;
using FinOpsPack.Tests.SampleAccount.Dataset;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.SampleAccount.Services;

public sealed class EcsHandlerTests
{
    [Fact]
    public async Task Should_Return_Every_Cluster_And_Service_Over_Many_Pages()
    {
        // Given 10 clusters and 10 services in one cluster of us-east-1, pages of at most 3
        await using var session = await SampleAccountSession.StartAsync(SampleAccountSession.NewDataset().WithManyEcs(clusters: 8, services: 7));
        var client = new EcsClient(session.Transport, "us-east-1");
        var web = session.Dataset.EcsClusters.Single(c => c.ClusterName == "prod-web");

        // When both are listed
        var clusters = await client.ListClustersAsync(CancellationToken.None).ToListAsync();
        var services = await client.ListServicesAsync(web.ClusterArn, CancellationToken.None).ToListAsync();

        // Then every one of this region arrives, four pages each
        Assert.Equal(session.Dataset.EcsClusters.Where(c => c.Region == "us-east-1").Select(c => c.ClusterArn).Order(), clusters.Order());
        Assert.Equal(session.Dataset.EcsServices.Where(s => s.ClusterArn == web.ClusterArn).Select(s => s.ServiceArn).Order(), services.Order());
        Assert.Equal(4, session.Calls("ecs:ListClusters"));
        Assert.Equal(4, session.Calls("ecs:ListServices"));
    }

    [Fact]
    public async Task Should_Refuse_Eleven_Services_And_Report_Missing_Ones_When_Describing()
    {
        // Given the sample account
        await using var session = await SampleAccountSession.StartAsync();
        var web = session.Dataset.EcsClusters.Single(c => c.ClusterName == "prod-web").ClusterArn;

        // When eleven services are described in one raw call, and then one real and one unknown service
        var eleven = AwsJson.Request(AwsService.Ecs, "us-east-1", "DescribeServices",
            new DescribeServicesRequest(web, [.. Enumerable.Range(0, 11).Select(i => "s" + i)], ["TAGS"]));
        var refused = await Assert.ThrowsAsync<AwsServiceException>(() => session.Transport.SendAsync(eleven, CancellationToken.None));
        var described = await new EcsClient(session.Transport, "us-east-1").DescribeServicesAsync(web, ["web-api", "no-such-service"], CancellationToken.None);

        // Then ECS's validation error comes back, and the unknown service is a MISSING failure beside the real one
        Assert.Equal("InvalidParameterException", refused.ErrorCode);
        Assert.Equal("web-api", described.Services!.Single().ServiceName);
        Assert.Equal("web", described.Services!.Single().Tags!.Single(t => t.Key == "team").Value);
        Assert.Equal("MISSING", described.Failures!.Single().Reason);
    }
}
