using FinOpsPack.Core.Aws.Services.Ecs;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Aws.Services.Ecs;

public sealed class EcsClientTests
{
    [Fact]
    public async Task Should_Ask_For_Tags_And_Name_The_Cluster_When_Describing_Services()
    {
        // Given a DescribeServices answer with a tag and a failure
        var transport = new RecordingTransport().Reply("DescribeServices",
            """{"services":[{"serviceArn":"arn:aws:ecs:us-east-1:123456789012:service/c/s","desiredCount":2,"capacityProviderStrategy":[{"capacityProvider":"FARGATE_SPOT","weight":1}],"tags":[{"key":"team","value":"web"}]}],"failures":[{"arn":"arn:x","reason":"MISSING"}]}""");

        // When services are described
        var response = await new EcsClient(transport, "us-east-1").DescribeServicesAsync("c", ["s", "gone"], CancellationToken.None);

        // Then the body is lowerCamel with include TAGS, and tags, strategy and failures are read
        Assert.Equal("""{"cluster":"c","services":["s","gone"],"include":["TAGS"]}""", RecordingTransport.Text(transport.Requests.Single()));
        Assert.Equal("AmazonEC2ContainerServiceV20141113.DescribeServices", transport.Requests.Single().Headers!["X-Amz-Target"]);
        var service = response.Services!.Single();
        Assert.Equal("web", service.Tags!.Single().Value);
        Assert.Equal("FARGATE_SPOT", service.CapacityProviderStrategy!.Single().CapacityProvider);
        Assert.Equal("MISSING", response.Failures!.Single().Reason);
    }

    [Fact]
    public async Task Should_Refuse_More_Services_Than_One_Call_May_Describe()
    {
        // Given 11 services, one more than DescribeServices takes
        var client = new EcsClient(new RecordingTransport(), "us-east-1");

        // When they are described in one call, Then the client refuses before sending anything
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(
            () => client.DescribeServicesAsync("c", [.. Enumerable.Range(0, 11).Select(i => "s" + i)], CancellationToken.None));
    }
}
