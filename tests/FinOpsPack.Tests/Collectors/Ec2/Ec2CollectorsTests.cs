using System.Net;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Collectors.Ec2;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Tests.Aws.Services.Ec2;

namespace FinOpsPack.Tests.Collectors.Ec2;

/// <summary>The EC2/EBS collectors over real EC2 responses: what lands in the inventory, and what each may call.</summary>
public sealed class Ec2CollectorsTests
{
    private const string Account = "123456789012";

    private static async Task<AccountInventory> CollectAsync(ICollector collector, IAwsTransport transport, string region = "us-west-2")
    {
        var inventory = new InventoryBuilder(Account);
        var context = new CollectorContext(transport, inventory, new ScanSettings(), TimeProvider.System, region, [region]);
        await collector.CollectAsync(context, CancellationToken.None);
        return inventory.Build();
    }

    [Fact]
    public async Task Should_Map_Every_Instance_With_Its_Stop_Time_When_Collecting_The_Real_DescribeInstances_Sample()
    {
        // Given the real DescribeInstances response: one instance stopped "User initiated (2013-03-01 17:24:16 GMT)", one running Windows
        var transport = CannedTransport.ReturningFile("ec2-describe-instances.xml");

        // When the collector runs
        var instances = (await CollectAsync(new InstancesCollector(), transport)).Ec2Instances;

        // Then both instances are there with what botocore reads, and the stop time comes from the reason
        var expected = BotocoreJson.Load("ec2-describe-instances.json").List("Reservations").SelectMany(r => r.List("Instances"))
            .OrderBy(i => i.Str("InstanceId"), StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Select(e => e.Str("InstanceId")), instances.Select(i => i.InstanceId));
        foreach (var (w, g) in expected.Zip(instances))
        {
            Assert.Equal(Account, g.AccountId);
            Assert.Equal("us-west-2", g.Region);
            Assert.Equal(w.Str("InstanceType"), g.InstanceType);
            Assert.Equal(w.Str("State", "Name"), g.State);
            Assert.Equal(w.Time("LaunchTime"), g.LaunchTime);
            Assert.Equal(w.Str("Architecture"), g.Architecture);
            Assert.Equal(w.Str("Placement", "AvailabilityZone"), g.AvailabilityZone);
            Assert.Equal(w.Str("ImageId"), g.ImageId);
            Assert.Null(g.Lifecycle);
            Assert.Equal(w.List("BlockDeviceMappings").Select(m => m.Str("Ebs", "VolumeId")), g.VolumeIds);
            Assert.Equal(w.Tags(), g.Tags);
        }

        var stopped = instances.Single(i => i.InstanceId == "i-fde9cece");
        Assert.Equal(new DateTimeOffset(2013, 3, 1, 17, 24, 16, TimeSpan.Zero), stopped.StoppedSince);
        Assert.Null(stopped.PlatformDetails);
        var windows = instances.Single(i => i.InstanceId == "i-78f1b94a");
        Assert.Null(windows.StoppedSince);
        Assert.Equal("Windows", windows.PlatformDetails);
    }

    [Fact]
    public async Task Should_Map_Every_Volume_When_Collecting_The_Real_DescribeVolumes_Sample()
    {
        // Given the real DescribeVolumes response
        var volumes = (await CollectAsync(new VolumesCollector(), CannedTransport.ReturningFile("ec2-describe-volumes.xml"))).EbsVolumes;

        // Then each volume carries botocore's values and the instances it is attached to
        var expected = BotocoreJson.Load("ec2-describe-volumes.json").List("Volumes").OrderBy(v => v.Str("VolumeId"), StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Count, volumes.Count);
        foreach (var (w, g) in expected.Zip(volumes))
        {
            Assert.Equal(w.Str("VolumeId"), g.VolumeId);
            Assert.Equal(w.Str("VolumeType"), g.VolumeType);
            Assert.Equal(w.Int("Size"), g.SizeGiB);
            Assert.Equal(w.Str("State"), g.State);
            Assert.Equal(w.Time("CreateTime"), g.CreateTime);
            Assert.Equal(w.Str("AvailabilityZone"), g.AvailabilityZone);
            Assert.Equal(w.Str("SnapshotId"), g.SnapshotId);
            Assert.Equal(w.List("Attachments").Select(a => a.Str("InstanceId")), g.AttachedInstanceIds);
            Assert.Null(g.Iops);
            Assert.False(g.Encrypted);
        }
    }

    [Fact]
    public async Task Should_Map_Every_Snapshot_When_Collecting_The_Real_DescribeSnapshots_Sample()
    {
        // Given the real DescribeSnapshots response
        var snapshots = (await CollectAsync(new SnapshotsCollector(), CannedTransport.ReturningFile("ec2-describe-snapshots.xml"))).EbsSnapshots;

        // Then each snapshot carries botocore's values
        var expected = BotocoreJson.Load("ec2-describe-snapshots.json").List("Snapshots").OrderBy(s => s.Str("SnapshotId"), StringComparer.Ordinal).ToList();
        Assert.Equal(expected.Count, snapshots.Count);
        foreach (var (w, g) in expected.Zip(snapshots))
        {
            Assert.Equal(w.Str("SnapshotId"), g.SnapshotId);
            Assert.Equal(w.Str("VolumeId"), g.VolumeId);
            Assert.Equal(w.Int("VolumeSize"), g.VolumeSizeGiB);
            Assert.Equal(w.Time("StartTime"), g.StartTime);
            Assert.Equal(w.Str("State"), g.State);
            Assert.Equal(w.Str("Description"), g.Description);
            Assert.Null(g.StorageTier);
            Assert.Null(g.FullSnapshotSizeBytes);
        }
    }

    [Fact]
    public async Task Should_Identify_Classic_Addresses_By_Public_Ip_When_They_Have_No_Allocation_Id()
    {
        // Given the real DescribeAddresses response: two EC2-Classic addresses (no allocationId, empty instanceId), one VPC address
        var addresses = (await CollectAsync(new ElasticIpsCollector(), CannedTransport.ReturningFile("ec2-describe-addresses.xml"))).ElasticIps;

        // Then the VPC address keeps its allocation id, the Classic ones are known by their IP, and none is associated
        Assert.Equal(["54.245.81.77", "54.245.99.8", "eipalloc-312e1758"], addresses.Select(a => a.AllocationId));
        var vpc = addresses.Single(a => a.PublicIp == "50.112.139.73");
        Assert.Equal(("eipalloc-312e1758", "vpc"), (vpc.AllocationId, vpc.Domain));
        Assert.All(addresses.Where(a => a.Domain == "standard"), a => Assert.Equal(a.PublicIp, a.AllocationId));
        Assert.All(addresses, a => Assert.Null(a.InstanceId));
        Assert.All(addresses, a => Assert.Null(a.AssociationId));
    }

    [Fact]
    public async Task Should_Keep_An_Absent_Opt_In_Status_As_Unknown_When_Collecting_Regions()
    {
        // Given the real DescribeRegions response, which predates opt-in regions
        var regions = (await CollectAsync(new RegionsCollector(), CannedTransport.ReturningFile("ec2-describe-regions.xml"), "us-east-1")).Regions;

        // Then every region is listed, none is given a status it was not sent
        Assert.Equal(8, regions.Count);
        Assert.All(regions, r => Assert.Equal("unknown", r.OptInStatus));
    }

    [Fact]
    public async Task Should_Map_Nat_Gateways_And_Images_When_Their_Responses_Carry_Every_Field()
    {
        // Given NAT gateway and image responses in EC2's shape
        var transport = new CannedTransport(form => form["Action"] switch
        {
            "DescribeNatGateways" => """
                <DescribeNatGatewaysResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><natGatewaySet><item>
                <createTime>2024-02-03T04:05:06.000Z</createTime><natGatewayAddressSet><item><allocationId>eipalloc-1</allocationId>
                <networkInterfaceId>eni-1</networkInterfaceId><privateIp>10.0.1.5</privateIp><publicIp>3.3.3.3</publicIp></item></natGatewayAddressSet>
                <natGatewayId>nat-0123456789abcdef0</natGatewayId><state>available</state><subnetId>subnet-1</subnetId><vpcId>vpc-1</vpcId>
                <tagSet><item><key>env</key><value>prod</value></item></tagSet><connectivityType>public</connectivityType></item></natGatewaySet>
                </DescribeNatGatewaysResponse>
                """,
            _ => """
                <DescribeImagesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r</requestId><imagesSet><item>
                <imageId>ami-0123456789abcdef0</imageId><imageState>available</imageState><imageOwnerId>123456789012</imageOwnerId>
                <creationDate>2023-05-06T07:08:09.000Z</creationDate><isPublic>false</isPublic><name>golden</name>
                <blockDeviceMapping><item><deviceName>/dev/xvda</deviceName><ebs><snapshotId>snap-1</snapshotId><volumeSize>8</volumeSize></ebs></item>
                <item><deviceName>/dev/sdb</deviceName><virtualName>ephemeral0</virtualName></item></blockDeviceMapping>
                <lastLaunchedTime>2024-01-02T03:04:05Z</lastLaunchedTime></item></imagesSet></DescribeImagesResponse>
                """,
        });

        // When both collectors run
        var gateway = Assert.Single((await CollectAsync(new NatGatewaysCollector(), transport)).NatGateways);
        var image = Assert.Single((await CollectAsync(new ImagesCollector(), transport)).MachineImages);

        // Then every field is mapped; an instance-store mapping has no snapshot and adds none
        Assert.Equal(
            new NatGateway(Account, "us-west-2", "nat-0123456789abcdef0", "available", "vpc-1", "subnet-1", "public",
                new DateTimeOffset(2024, 2, 3, 4, 5, 6, TimeSpan.Zero), gateway.Tags),
            gateway);
        Assert.Equal("prod", gateway.Tags["env"]);
        Assert.Equal(("ami-0123456789abcdef0", "golden", "available"), (image.ImageId, image.Name, image.State));
        Assert.Equal(new DateTimeOffset(2023, 5, 6, 7, 8, 9, TimeSpan.Zero), image.CreationDate);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), image.LastLaunchedTime);
        Assert.Equal(["snap-1"], image.SnapshotIds);
    }

    [Theory]
    [InlineData("User initiated (2024-01-01 12:00:00 GMT)", "2024-01-01T12:00:00Z")]
    [InlineData("User initiated (2026-11-22 05:30:53 UTC)", "2026-11-22T05:30:53Z")]
    [InlineData("Server.ScheduledStop (2023-07-14 23:59:59 GMT)", "2023-07-14T23:59:59Z")]
    [InlineData("User initiated", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("User initiated (2024-13-45 99:00:00 GMT)", null)]
    [InlineData("User initiated (2024-01-01T12:00:00Z)", null)]
    public void Should_Read_The_Stop_Time_Only_From_A_Dated_Reason_When_Parsing_State_Transition_Reasons(string? reason, string? expected)
    {
        // Given a state-transition reason
        // When it is read
        var stoppedSince = Ec2Text.StoppedSince(reason);

        // Then the date inside it, or null when there is none to trust
        Assert.Equal(expected is null ? null : DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), stoppedSince);
    }

    [Fact]
    public async Task Should_Not_Claim_A_Stop_Time_When_The_Instance_Is_Running()
    {
        // Given a running instance whose reason still carries a date (EC2 keeps the last transition's reason for a while)
        var transport = CannedTransport.Returning("""
            <DescribeInstancesResponse><reservationSet><item><reservationId>r-1</reservationId><instancesSet><item>
            <instanceId>i-1</instanceId><instanceState><code>16</code><name>running</name></instanceState><instanceType>t3.micro</instanceType>
            <reason>User initiated (2024-01-01 12:00:00 GMT)</reason></item></instancesSet></item></reservationSet></DescribeInstancesResponse>
            """);

        // When the collector runs
        var instance = Assert.Single((await CollectAsync(new InstancesCollector(), transport)).Ec2Instances);

        // Then it is not "stopped since"
        Assert.Null(instance.StoppedSince);
    }

    public static TheoryData<string, CollectorScope, string> Declarations => new()
    {
        { "ec2.regions", CollectorScope.Global, "ec2:DescribeRegions" },
        { "ec2.instances", CollectorScope.Regional, "ec2:DescribeInstances" },
        { "ebs.volumes", CollectorScope.Regional, "ec2:DescribeVolumes" },
        { "ebs.snapshots", CollectorScope.Regional, "ec2:DescribeSnapshots" },
        { "ec2.elastic-ips", CollectorScope.Regional, "ec2:DescribeAddresses" },
        { "ec2.nat-gateways", CollectorScope.Regional, "ec2:DescribeNatGateways" },
        { "ec2.images", CollectorScope.Regional, "ec2:DescribeImages" },
    };

    [Theory]
    [MemberData(nameof(Declarations))]
    public async Task Should_Call_Exactly_The_Declared_Action_When_Collecting(string name, CollectorScope scope, string action)
    {
        // Given the collector as the catalog finds it
        var collector = CollectorCatalog.Find(name);
        Assert.NotNull(collector);
        Assert.Equal(scope, collector.Scope);
        Assert.Equal([action], collector.RequiredActions);
        Assert.False(string.IsNullOrWhiteSpace(collector.Provides));

        // When it runs against empty answers
        var transport = new CannedTransport(form => $"<{form["Action"]}Response/>");
        await CollectAsync(collector, transport);

        // Then every call it made is its declared action, and a read-only one
        Assert.NotEmpty(transport.Requests);
        Assert.All(transport.Requests, r => Assert.Equal(action, r.Action));
        Assert.Matches("^ec2:Describe", action);
    }

    [Fact]
    public async Task Should_Let_Access_Denied_Through_When_The_Action_Is_Not_Permitted()
    {
        // Given a transport that reports AccessDenied
        var transport = new DenyingTransport();

        // When a collector runs
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => CollectAsync(new VolumesCollector(), transport));

        // Then the runner gets the AWS error (it turns it into "not permitted: ec2:DescribeVolumes")
        Assert.True(e.IsAccessDenied);
        Assert.Equal("ec2:DescribeVolumes", e.Action);
    }

    private sealed class DenyingTransport : IAwsTransport
    {
        public Task<AwsResponse> SendAsync(AwsRequest request, CancellationToken ct) =>
            throw new AwsServiceException("UnauthorizedOperation", "You are not authorized to perform this operation.", HttpStatusCode.Forbidden,
                "req-1", request.Action);

        public Uri ResolveEndpoint(AwsService service, string region) => new("https://ec2.us-east-1.amazonaws.com");

        public Task<T> InvokeSdkAsync<T>(AwsService service, string region, string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct) =>
            throw new NotSupportedException();
    }
}
