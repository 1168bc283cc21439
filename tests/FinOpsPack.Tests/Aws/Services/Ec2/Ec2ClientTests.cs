using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Services.Ec2;

namespace FinOpsPack.Tests.Aws.Services.Ec2;

/// <summary>The EC2 client against real EC2 responses (botocore's samples), compared with botocore's own parse of them.</summary>
public sealed class Ec2ClientTests
{
    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }

    [Fact]
    public async Task Should_Read_Every_Mapped_Instance_Field_As_Botocore_Does_When_Parsing_The_Real_DescribeInstances_Sample()
    {
        // Given the real DescribeInstances response and botocore's parse of it
        var client = new Ec2Client(CannedTransport.ReturningFile("ec2-describe-instances.xml"), "us-west-2");
        var expected = BotocoreJson.Load("ec2-describe-instances.json").List("Reservations");

        // When the client reads it
        var reservations = await ToListAsync(client.DescribeInstancesAsync([], CancellationToken.None));

        // Then every field we map equals botocore's
        Assert.Equal(expected.Count, reservations.Count);
        foreach (var (want, got) in expected.Zip(reservations))
        {
            Assert.Equal(want.Str("ReservationId"), got.ReservationId);
            Assert.Equal(want.Str("OwnerId"), got.OwnerId);
            var instances = want.List("Instances");
            Assert.Equal(instances.Count, got.Instances.Count);
            foreach (var (w, g) in instances.Zip(got.Instances))
            {
                Assert.Equal(w.Str("InstanceId"), g.InstanceId);
                Assert.Equal(w.Str("ImageId"), g.ImageId);
                Assert.Equal(w.Int("State", "Code"), g.State.Code);
                Assert.Equal(w.Str("State", "Name"), g.State.Name);
                Assert.Equal(w.Str("InstanceType"), g.InstanceType);
                Assert.Equal(w.Time("LaunchTime"), g.LaunchTime);
                Assert.Equal(w.Str("StateTransitionReason"), g.StateTransitionReason);
                Assert.Equal(w.Str("Placement", "AvailabilityZone"), g.AvailabilityZone);
                Assert.Equal(w.Str("Platform"), g.Platform);
                Assert.Equal(w.Str("PlatformDetails"), g.PlatformDetails);
                Assert.Equal(w.Str("Architecture"), g.Architecture);
                Assert.Equal(w.Str("InstanceLifecycle"), g.InstanceLifecycle);
                Assert.Equal(w.Str("VpcId"), g.VpcId);
                Assert.Equal(w.Str("SubnetId"), g.SubnetId);
                Assert.Equal(w.Tags(), g.Tags);
                var mappings = w.List("BlockDeviceMappings");
                Assert.Equal(mappings.Count, g.BlockDeviceMappings.Count);
                foreach (var (wm, gm) in mappings.Zip(g.BlockDeviceMappings))
                {
                    Assert.Equal(wm.Str("DeviceName"), gm.DeviceName);
                    Assert.Equal(wm.Str("Ebs", "VolumeId"), gm.VolumeId);
                    Assert.Equal(wm.Str("Ebs", "Status"), gm.Status);
                    Assert.Equal(wm.Time("Ebs", "AttachTime"), gm.AttachTime);
                }
            }
        }
    }

    [Fact]
    public async Task Should_Read_Every_Mapped_Volume_Field_As_Botocore_Does_When_Parsing_The_Real_DescribeVolumes_Sample()
    {
        // Given the real DescribeVolumes response
        var client = new Ec2Client(CannedTransport.ReturningFile("ec2-describe-volumes.xml"), "us-west-2");
        var expected = BotocoreJson.Load("ec2-describe-volumes.json").List("Volumes");

        // When the client reads it
        var volumes = await ToListAsync(client.DescribeVolumesAsync([], CancellationToken.None));

        // Then every field we map equals botocore's
        Assert.Equal(expected.Count, volumes.Count);
        foreach (var (w, g) in expected.Zip(volumes))
        {
            Assert.Equal(w.Str("VolumeId"), g.VolumeId);
            Assert.Equal(w.Int("Size"), g.Size);
            Assert.Equal(w.Str("VolumeType"), g.VolumeType);
            Assert.Equal(w.Str("State"), g.State);
            Assert.Equal(w.Time("CreateTime"), g.CreateTime);
            Assert.Equal(w.Str("AvailabilityZone"), g.AvailabilityZone);
            Assert.Equal(w.Str("SnapshotId"), g.SnapshotId);
            Assert.Equal(w.Int("Iops"), g.Iops);
            Assert.Equal(w.Int("Throughput"), g.Throughput);
            Assert.Equal(w.Bool("Encrypted"), g.Encrypted);
            Assert.Equal(w.Tags(), g.Tags);
            var attachments = w.List("Attachments");
            Assert.Equal(attachments.Count, g.Attachments.Count);
            foreach (var (wa, ga) in attachments.Zip(g.Attachments))
            {
                Assert.Equal(wa.Str("VolumeId"), ga.VolumeId);
                Assert.Equal(wa.Str("InstanceId"), ga.InstanceId);
                Assert.Equal(wa.Str("Device"), ga.Device);
                Assert.Equal(wa.Str("State"), ga.State);
                Assert.Equal(wa.Time("AttachTime"), ga.AttachTime);
            }
        }
    }

    [Fact]
    public async Task Should_Read_Every_Mapped_Snapshot_Field_As_Botocore_Does_When_Parsing_The_Real_DescribeSnapshots_Sample()
    {
        // Given the real DescribeSnapshots response
        var client = new Ec2Client(CannedTransport.ReturningFile("ec2-describe-snapshots.xml"), "us-west-2");
        var expected = BotocoreJson.Load("ec2-describe-snapshots.json").List("Snapshots");

        // When the client reads it
        var snapshots = await ToListAsync(client.DescribeSnapshotsAsync([], CancellationToken.None));

        // Then every field we map equals botocore's (an empty description stays "", as botocore has it)
        Assert.Equal(expected.Count, snapshots.Count);
        foreach (var (w, g) in expected.Zip(snapshots))
        {
            Assert.Equal(w.Str("SnapshotId"), g.SnapshotId);
            Assert.Equal(w.Str("VolumeId"), g.VolumeId);
            Assert.Equal(w.Int("VolumeSize"), g.VolumeSize);
            Assert.Equal(w.Time("StartTime"), g.StartTime);
            Assert.Equal(w.Str("State"), g.State);
            Assert.Equal(w.Str("OwnerId"), g.OwnerId);
            Assert.Equal(w.Str("Description"), g.Description);
            Assert.Equal(w.Str("StorageTier"), g.StorageTier);
            Assert.Equal(w.Bool("Encrypted"), g.Encrypted);
            Assert.Equal(w.Str("FullSnapshotSizeInBytes"), g.FullSnapshotSizeInBytes?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(w.Tags(), g.Tags);
        }
    }

    [Fact]
    public async Task Should_Read_Every_Mapped_Address_Field_As_Botocore_Does_When_Parsing_The_Real_DescribeAddresses_Sample()
    {
        // Given the real DescribeAddresses response (two EC2-Classic addresses with an empty instanceId, one VPC address)
        var client = new Ec2Client(CannedTransport.ReturningFile("ec2-describe-addresses.xml"), "us-west-2");
        var expected = BotocoreJson.Load("ec2-describe-addresses.json").List("Addresses");

        // When the client reads it
        var addresses = await client.DescribeAddressesAsync([], CancellationToken.None);

        // Then every field we map equals botocore's
        Assert.Equal(expected.Count, addresses.Count);
        foreach (var (w, g) in expected.Zip(addresses))
        {
            Assert.Equal(w.Str("PublicIp"), g.PublicIp);
            Assert.Equal(w.Str("AllocationId"), g.AllocationId);
            Assert.Equal(w.Str("AssociationId"), g.AssociationId);
            Assert.Equal(w.Str("Domain"), g.Domain);
            Assert.Equal(w.Str("InstanceId"), g.InstanceId);
            Assert.Equal(w.Str("NetworkInterfaceId"), g.NetworkInterfaceId);
            Assert.Equal(w.Str("PrivateIpAddress"), g.PrivateIpAddress);
            Assert.Equal(w.Tags(), g.Tags);
        }
    }

    [Fact]
    public async Task Should_Read_Every_Region_As_Botocore_Does_When_Parsing_The_Real_DescribeRegions_Sample()
    {
        // Given the real DescribeRegions response
        var client = new Ec2Client(CannedTransport.ReturningFile("ec2-describe-regions.xml"), "us-east-1");
        var expected = BotocoreJson.Load("ec2-describe-regions.json").List("Regions");

        // When the client reads it
        var regions = await client.DescribeRegionsAsync(CancellationToken.None);

        // Then names, endpoints and (absent) opt-in statuses equal botocore's
        Assert.Equal(expected.Select(r => (r.Str("RegionName"), r.Str("Endpoint"), r.Str("OptInStatus"))),
            regions.Select(r => ((string?)r.RegionName, r.Endpoint, r.OptInStatus)));
    }

    [Fact]
    public async Task Should_Ask_For_All_Regions_When_Describing_Regions()
    {
        // Given a client
        var transport = CannedTransport.Returning("<DescribeRegionsResponse><regionInfo/></DescribeRegionsResponse>");

        // When it lists regions
        await new Ec2Client(transport, "us-east-1").DescribeRegionsAsync(CancellationToken.None);

        // Then the request is the EC2 form with AllRegions=true, nothing else
        var request = Assert.Single(transport.Requests);
        Assert.Equal("Action=DescribeRegions&Version=2016-11-15&AllRegions=true", System.Text.Encoding.UTF8.GetString(request.Body));
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/", request.PathAndQuery);
        Assert.Equal("ec2:DescribeRegions", request.Action);
        Assert.StartsWith("application/x-www-form-urlencoded", request.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Serialize_Filters_As_Numbered_Ec2_Lists_When_Filters_Are_Given()
    {
        // Given filters with several values
        var transport = CannedTransport.Returning("<DescribeVolumesResponse><volumeSet/></DescribeVolumesResponse>");
        var client = new Ec2Client(transport, "eu-west-1");

        // When volumes are listed with them
        await ToListAsync(client.DescribeVolumesAsync(
            [new Ec2Filter("status", "available", "in-use"), new Ec2Filter("tag:env", "prod")], CancellationToken.None));

        // Then they go as Filter.N.Name / Filter.N.Value.M, with the largest page DescribeVolumes allows
        var request = Assert.Single(transport.Requests);
        Assert.Equal(
            "Action=DescribeVolumes&Version=2016-11-15&Filter.1.Name=status&Filter.1.Value.1=available&Filter.1.Value.2=in-use"
            + "&Filter.2.Name=tag%3Aenv&Filter.2.Value.1=prod&MaxResults=500",
            System.Text.Encoding.UTF8.GetString(request.Body));
        Assert.Equal("eu-west-1", request.Region);
    }

    [Fact]
    public async Task Should_Ask_Only_For_The_Accounts_Own_Snapshots_And_Images_When_Listing_Them()
    {
        // Given a client
        var transport = new CannedTransport(form => $"<{form["Action"]}Response><snapshotSet/><imagesSet/></{form["Action"]}Response>");
        var client = new Ec2Client(transport, "us-east-1");

        // When snapshots and images are listed
        await ToListAsync(client.DescribeSnapshotsAsync([], CancellationToken.None));
        await ToListAsync(client.DescribeImagesAsync([], CancellationToken.None));

        // Then both say Owner.1=self (without it EC2 returns public and shared snapshots and images too)
        Assert.All(transport.Forms, f => Assert.Equal("self", f["Owner.1"]));
        Assert.All(transport.Forms, f => Assert.False(f.ContainsKey("Owner.2")));
    }

    [Fact]
    public async Task Should_Not_Paginate_When_Describing_Addresses()
    {
        // Given a client
        var transport = CannedTransport.Returning("<DescribeAddressesResponse><addressesSet/></DescribeAddressesResponse>");

        // When addresses are listed
        await new Ec2Client(transport, "us-east-1").DescribeAddressesAsync([], CancellationToken.None);

        // Then no paging parameter is sent (DescribeAddresses has none)
        var form = Assert.Single(transport.Forms);
        Assert.Equal(["Action", "Version"], form.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_Follow_Every_NextToken_When_Results_Span_Several_Pages()
    {
        // Given three pages of NAT gateways chained by nextToken
        var transport = new CannedTransport(form => form.GetValueOrDefault("NextToken") switch
        {
            null => NatPage("token-a", "nat-1", "nat-2"),
            "token-a" => NatPage("token+b/==", "nat-3"),
            "token+b/==" => NatPage(null, "nat-4"),
            var other => throw new InvalidOperationException("unexpected token " + other),
        });
        var client = new Ec2Client(transport, "us-east-1") { PageSize = 5 };

        // When the gateways are listed
        var gateways = await ToListAsync(client.DescribeNatGatewaysAsync([], CancellationToken.None));

        // Then every page was read, each token sent back as given, MaxResults on every call
        Assert.Equal(["nat-1", "nat-2", "nat-3", "nat-4"], gateways.Select(g => g.NatGatewayId));
        Assert.Equal([null, "token-a", "token+b/=="], transport.Forms.Select(f => f.GetValueOrDefault("NextToken")));
        Assert.All(transport.Forms, f => Assert.Equal("5", f["MaxResults"]));

    }

    private static string NatPage(string? next, params string[] ids) =>
        "<DescribeNatGatewaysResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"><requestId>r</requestId><natGatewaySet>"
        + string.Concat(ids.Select(id => $"<item><natGatewayId>{id}</natGatewayId><state>available</state></item>"))
        + "</natGatewaySet>" + (next is null ? "" : $"<nextToken>{System.Security.SecurityElement.Escape(next)}</nextToken>")
        + "</DescribeNatGatewaysResponse>";

    [Theory]
    [InlineData("")]
    [InlineData("this is not XML")]
    [InlineData("<html><body>Sign in to the hotel Wi-Fi</body></html>")]
    [InlineData("<DescribeVolumesResponse><volumeSet><item><volumeId>vol-1</volumeId>")]
    [InlineData("<DescribeVolumesResponse><volumeSet><item><volumeId>vol-1</volumeId><size>big</size><volumeType>gp3</volumeType><status>in-use</status></item></volumeSet></DescribeVolumesResponse>")]
    [InlineData("<DescribeVolumesResponse><volumeSet><item><volumeId>vol-1</volumeId><size>99999999999</size><volumeType>gp3</volumeType><status>in-use</status></item></volumeSet></DescribeVolumesResponse>")]
    [InlineData("<DescribeVolumesResponse><volumeSet><item><size>8</size><volumeType>gp3</volumeType><status>in-use</status></item></volumeSet></DescribeVolumesResponse>")]
    [InlineData("<DescribeVolumesResponse><volumeSet><item><volumeId>vol-1</volumeId><size>8</size><volumeType>gp3</volumeType><status>in-use</status><createTime>yesterday</createTime></item></volumeSet></DescribeVolumesResponse>")]
    [InlineData("<DescribeVolumesResponse><volumeSet><item><volumeId>vol-1</volumeId><size>8</size><volumeType>gp3</volumeType><status>in-use</status><encrypted>perhaps</encrypted></item></volumeSet></DescribeVolumesResponse>")]
    [InlineData("<!DOCTYPE x [<!ENTITY e \"boom\">]><DescribeVolumesResponse><volumeSet/></DescribeVolumesResponse>")]
    public async Task Should_Throw_A_Malformed_Response_Error_When_The_Body_Is_Garbage(string body)
    {
        // Given a 200 response whose body is not a DescribeVolumes answer
        var client = new Ec2Client(CannedTransport.Returning(body), "us-east-1");

        // When the client reads it
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => ToListAsync(client.DescribeVolumesAsync([], CancellationToken.None)));

        // Then it is one AwsServiceException naming the call, never a crash
        Assert.Equal(AwsErrorCodes.MalformedResponse, e.ErrorCode);
        Assert.Equal("ec2:DescribeVolumes", e.Action);
    }
}
