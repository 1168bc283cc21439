using FinOpsPack.Core.Collectors.CloudWatch;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Tests.Collectors.CloudWatch;

public sealed class MetricPlanTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2026, 3, 18, 0, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, string> NoTags = [];

    [Theory]
    [InlineData(null, 14)]
    [InlineData("2025-01-01T00:00:00Z", 14)]
    [InlineData("2026-03-04T00:00:00Z", 14)]
    [InlineData("2026-03-04T00:00:01Z", 14)]
    [InlineData("2026-03-13T08:30:00Z", 5)]
    [InlineData("2026-03-17T23:59:59Z", 1)]
    [InlineData("2026-03-18T00:00:00Z", 0)]
    [InlineData("2026-03-18T10:00:00Z", 0)]
    public void Should_Expect_One_Datapoint_Per_Day_The_Resource_Existed_When_Created_Inside_The_Window(string? created, int expected) =>
        Assert.Equal(expected, MetricPlan.Expected(created is null ? null : DateTimeOffset.Parse(created, System.Globalization.CultureInfo.InvariantCulture), Start, End));

    [Fact]
    public void Should_Plan_The_Stated_Series_For_Measurable_Resources_Of_The_Region_Only()
    {
        // Given
        Ec2Instance Instance(string id, string state, string region = "us-east-1") =>
            new("1", region, id, "m5.large", state, Start.AddDays(-30), null, null, null, null, null, null, [], NoTags);
        EbsVolume Volume(string id, string state) => new("1", "us-east-1", id, "gp3", 10, null, null, state, Start.AddDays(-30), null, null, [], false, NoTags);
        RdsInstance Db(string id, string status) => new("1", "us-east-1", id, "arn", "db.m5.large", "mysql", null, status, 10, null, null, false, Start.AddDays(-30), null, null, NoTags);
        NatGateway Nat(string id, string state) => new("1", "us-east-1", id, state, null, null, null, Start.AddDays(-30), NoTags);

        // When
        var plan = MetricPlan.For("us-east-1", Start, End,
            [Instance("i-run", "running"), Instance("i-stop", "stopped"), Instance("i-eu", "running", "eu-west-1")],
            [Db("db-up", "available"), Db("db-stopped", "stopped")],
            [Nat("nat-up", "available"), Nat("nat-gone", "deleted")],
            [Volume("vol-used", "in-use"), Volume("vol-free", "available")]);

        // Then
        Assert.Equal(
            [
                "i-run AWS/EC2 CPUUtilization Average InstanceId", "i-run AWS/EC2 CPUUtilization Maximum InstanceId",
                "db-up AWS/RDS CPUUtilization Average DBInstanceIdentifier", "db-up AWS/RDS CPUUtilization Maximum DBInstanceIdentifier",
                "db-up AWS/RDS DatabaseConnections Maximum DBInstanceIdentifier",
                "nat-up AWS/NATGateway BytesOutToDestination Sum NatGatewayId",
                "vol-used AWS/EBS VolumeReadOps Sum VolumeId", "vol-used AWS/EBS VolumeWriteOps Sum VolumeId",
            ],
            plan.Select(p => $"{p.ResourceId} {p.Namespace} {p.MetricName} {p.Statistic} {p.DimensionName}"));
        Assert.All(plan, p => Assert.Equal(14, p.ExpectedDatapoints));
    }
}
