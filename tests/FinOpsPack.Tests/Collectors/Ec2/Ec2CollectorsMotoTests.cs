using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Amazon.Runtime;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Collectors.Ec2;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Tests.Aws.Services.Ec2;
using FinOpsPack.Tests.SampleAccount;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Collectors.Ec2;

/// <summary>
/// The EC2/EBS collectors against moto, an independent EC2 emulator, through the real signed transport. moto is seeded
/// with boto3 in two regions; boto3's own reading of moto is the reference, so our parser is checked against another's.
/// </summary>
public sealed class Ec2CollectorsMotoTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string Account = "123456789012";
    private static readonly string[] SeededRegions = ["us-east-1", "eu-west-1"];
    private static readonly ConcurrentDictionary<int, Lazy<JsonElement>> Seeds = new();

    /// <summary>
    /// Seeds instances (us-east-1: 6 reservations of one and one of two, so MaxResults=5 needs two pages), volumes with
    /// explicit types/IOPS/throughput, snapshots, Elastic IPs (associated, idle, NAT), a NAT gateway and an AMI per region,
    /// with injection payloads in tags; then prints what was seeded and boto3's view of everything.
    /// </summary>
    private const string SeedScript = """
        import boto3, json

        def tags(kind, pairs):
            return [{"ResourceType": kind, "Tags": [{"Key": k, "Value": v} for k, v in pairs]}]

        out = {}
        for region, plan in [
            ("us-east-1", {"singles": [("m5.large", "web-1", "prod"), ("t2.micro", "<img src=x onerror=alert(1)>", "dev"), ("c4.xlarge", "etl", "prod"),
                                       ("r5.large", "report", "dev"), ("m6g.large", "arm", "prod"), ("t3.small", "=HYPERLINK(\"http://evil\",\"x\")", "dev")],
                           "pair": ("c5.large", "batch", "dev"), "volumes": [("gp2", 100, None, None), ("gp3", 42, 4000, 250), ("io1", 200, 5000, None)]}),
            ("eu-west-1", {"singles": [("m5.xlarge", "eu-web", "prod"), ("t2.medium", "eu-archive", "prod"), ("t3.micro", "+SUM(1,1)", "dev")],
                           "pair": None, "volumes": [("gp2", 50, None, None)]}),
        ]:
            ec2 = boto3.client("ec2", region_name=region)
            image = sorted(ec2.describe_images(Owners=["amazon"])["Images"], key=lambda i: i["ImageId"])[0]["ImageId"]
            vpc = ec2.create_vpc(CidrBlock="10.20.0.0/16")["Vpc"]["VpcId"]
            subnet = ec2.create_subnet(VpcId=vpc, CidrBlock="10.20.1.0/24", AvailabilityZone=region + "a")["Subnet"]["SubnetId"]
            seeded = {"instances": [], "volumes": [], "snapshots": [], "addresses": [], "natGateways": [], "images": []}
            for itype, name, env in plan["singles"]:
                r = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1, InstanceType=itype, SubnetId=subnet,
                                      TagSpecifications=tags("instance", [("Name", name), ("env", env)]))
                seeded["instances"] += [i["InstanceId"] for i in r["Instances"]]
            if plan["pair"]:
                itype, name, env = plan["pair"]
                r = ec2.run_instances(ImageId=image, MinCount=2, MaxCount=2, InstanceType=itype, SubnetId=subnet,
                                      TagSpecifications=tags("instance", [("Name", name), ("env", env)]))
                seeded["instances"] += [i["InstanceId"] for i in r["Instances"]]
            ec2.stop_instances(InstanceIds=[seeded["instances"][1]])
            for vtype, size, iops, throughput in plan["volumes"]:
                args = {"AvailabilityZone": region + "a", "Size": size, "VolumeType": vtype,
                        "TagSpecifications": tags("volume", [("Name", f"{vtype}-{size}"), ("env", "dev")])}
                if iops: args["Iops"] = iops
                if throughput: args["Throughput"] = throughput
                seeded["volumes"].append(ec2.create_volume(**args)["VolumeId"])
            ec2.attach_volume(VolumeId=seeded["volumes"][0], InstanceId=seeded["instances"][0], Device="/dev/sdf")
            for n, volume in enumerate(seeded["volumes"][:2]):
                seeded["snapshots"].append(ec2.create_snapshot(VolumeId=volume, Description=f"javascript:alert({n})" if n else "nightly",
                                                               TagSpecifications=tags("snapshot", [("env", "prod")]))["SnapshotId"])
            associated = ec2.allocate_address(Domain="vpc", TagSpecifications=tags("elastic-ip", [("Name", "web")]))
            ec2.associate_address(AllocationId=associated["AllocationId"], InstanceId=seeded["instances"][0])
            idle = ec2.allocate_address(Domain="vpc", TagSpecifications=tags("elastic-ip", [("Name", "@cmd")]))
            nat_ip = ec2.allocate_address(Domain="vpc")
            seeded["addresses"] += [associated["AllocationId"], idle["AllocationId"], nat_ip["AllocationId"]]
            seeded["natGateways"].append(ec2.create_nat_gateway(SubnetId=subnet, AllocationId=nat_ip["AllocationId"],
                                                                TagSpecifications=tags("natgateway", [("env", "prod")]))["NatGateway"]["NatGatewayId"])
            seeded["images"].append(ec2.create_image(InstanceId=seeded["instances"][0], Name=f"golden-{region}",
                                                     TagSpecifications=tags("image", [("env", "prod")]))["ImageId"])

            reservations, kwargs = [], {}
            while True:
                page = ec2.describe_instances(MaxResults=5, **kwargs)
                reservations += page["Reservations"]
                if not page.get("NextToken"): break
                kwargs = {"NextToken": page["NextToken"]}
            out[region] = {
                "seeded": seeded,
                "reservations": reservations,
                "volumes": ec2.describe_volumes()["Volumes"],
                "snapshots": ec2.describe_snapshots(OwnerIds=["self"])["Snapshots"],
                "addresses": ec2.describe_addresses()["Addresses"],
                "natGateways": ec2.describe_nat_gateways()["NatGateways"],
                "images": ec2.describe_images(Owners=["self"])["Images"],
                "regions": ec2.describe_regions(AllRegions=True)["Regions"],
            }
        print(json.dumps(out, default=str))
        """;

    private JsonElement Seeded(string region) =>
        Seeds.GetOrAdd(moto.Port, _ => new Lazy<JsonElement>(() => JsonDocument.Parse(moto.RunPython(SeedScript)).RootElement)).Value.GetProperty(region);

    private async Task<(AccountInventory Inventory, RecordingAuditSink Audit)> CollectAsync(ICollector collector, string region)
    {
        var audit = new RecordingAuditSink();
        var pipeline = new CallPipeline(new TransportOptions(), audit, TimeProvider.System);
        using var transport = new AwsTransport(pipeline, new BasicAWSCredentials("testing", "testing"), new EndpointResolver(moto.Endpoint, _ => null));
        var inventory = new InventoryBuilder(Account);
        await collector.CollectAsync(new CollectorContext(transport, inventory, new ScanSettings(), TimeProvider.System, region, SeededRegions), CancellationToken.None);
        return (inventory.Build(), audit);
    }

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;

    private static List<string> Ids(JsonElement seeded, string kind) => [.. seeded.GetProperty("seeded").List(kind).Select(e => e.GetString()!)];

    [MotoFact]
    public async Task Should_Return_Exactly_The_Seeded_Instances_When_Several_Pages_Are_Needed()
    {
        foreach (var region in SeededRegions)
        {
            // Given the seeded instances, as boto3 reads them
            var seeded = Seeded(region);
            var expected = seeded.List("reservations").SelectMany(r => r.List("Instances")).OrderBy(i => i.Str("InstanceId"), StringComparer.Ordinal).ToList();

            // When the collector reads them five reservations at a time
            var (inventory, audit) = await CollectAsync(new InstancesCollector { PageSize = 5 }, region);
            var instances = inventory.Ec2Instances;

            // Then it returns exactly the seeded instances, every mapped field as boto3 reads it
            Assert.Equal(Ids(seeded, "instances").Order(StringComparer.Ordinal), instances.Select(i => i.InstanceId));
            foreach (var (w, g) in expected.Zip(instances))
            {
                Assert.Equal(w.Str("InstanceId"), g.InstanceId);
                Assert.Equal(w.Str("InstanceType"), g.InstanceType);
                Assert.Equal(w.Str("State", "Name"), g.State);
                Assert.Equal(w.Time("LaunchTime"), g.LaunchTime);
                Assert.Equal(NullIfEmpty(w.Str("PlatformDetails")) ?? (w.Str("Platform") == "windows" ? "Windows" : null), g.PlatformDetails);
                Assert.Equal(w.Str("Architecture"), g.Architecture);
                Assert.Equal(w.Str("Placement", "AvailabilityZone"), g.AvailabilityZone);
                Assert.Equal(w.Str("InstanceLifecycle"), g.Lifecycle);
                Assert.Equal(w.Str("ImageId"), g.ImageId);
                Assert.Equal(w.List("BlockDeviceMappings").Select(m => m.Str("Ebs", "VolumeId")), g.VolumeIds);
                Assert.Equal(w.Tags(), g.Tags);
                Assert.Equal((Account, region), (g.AccountId, g.Region));
            }

            // And the seeded specifics hold: one stopped instance with its stop time, injection text kept verbatim
            var stopped = Assert.Single(instances, i => i.State == "stopped");
            Assert.Equal(Ids(seeded, "instances")[1], stopped.InstanceId);
            var reason = expected.Single(i => i.Str("InstanceId") == stopped.InstanceId).Str("StateTransitionReason")!;
            Assert.Equal(
                DateTimeOffset.ParseExact(reason["User initiated (".Length..^")".Length], "yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                stopped.StoppedSince);
            Assert.All(instances.Where(i => i.State == "running"), i => Assert.Null(i.StoppedSince));
            if (region == "us-east-1")
            {
                Assert.Contains(instances, i => i.Tags["Name"] == "<img src=x onerror=alert(1)>");
                Assert.Equal(2, instances.Count(i => i.InstanceType == "c5.large"));
                Assert.Equal(2, audit.Count("DescribeInstances", region));
            }
        }
    }

    [MotoFact]
    public async Task Should_Return_Exactly_The_Seeded_Volumes_When_Collecting_Volumes()
    {
        foreach (var region in SeededRegions)
        {
            // Given the seeded volumes (plus the root volumes moto creates for the instances), as boto3 reads them
            var seeded = Seeded(region);
            var expected = seeded.List("volumes").OrderBy(v => v.Str("VolumeId"), StringComparer.Ordinal).ToList();

            // When the collector runs
            var volumes = (await CollectAsync(new VolumesCollector { PageSize = 5 }, region)).Inventory.EbsVolumes;

            // Then every volume is there with boto3's values
            Assert.Equal(expected.Select(v => v.Str("VolumeId")), volumes.Select(v => v.VolumeId));
            foreach (var (w, g) in expected.Zip(volumes))
            {
                Assert.Equal(w.Str("VolumeType"), g.VolumeType);
                Assert.Equal(w.Int("Size"), g.SizeGiB);
                Assert.Equal(w.Int("Iops"), g.Iops);
                Assert.Equal(w.Int("Throughput"), g.Throughput);
                Assert.Equal(w.Str("State"), g.State);
                Assert.Equal(w.Time("CreateTime"), g.CreateTime);
                Assert.Equal(w.Str("AvailabilityZone"), g.AvailabilityZone);
                Assert.Equal(NullIfEmpty(w.Str("SnapshotId")), g.SnapshotId);
                Assert.Equal(w.List("Attachments").Select(a => a.Str("InstanceId")), g.AttachedInstanceIds);
                Assert.Equal(w.Bool("Encrypted") ?? false, g.Encrypted);
                Assert.Equal(w.Tags(), g.Tags);
            }

            // And the seeded ones carry what was asked for
            var ids = Ids(seeded, "volumes");
            var first = volumes.Single(v => v.VolumeId == ids[0]);
            Assert.Equal("in-use", first.State);
            Assert.Equal([Ids(seeded, "instances")[0]], first.AttachedInstanceIds);
            if (region == "us-east-1")
            {
                var gp3 = volumes.Single(v => v.VolumeId == ids[1]);
                Assert.Equal(("gp3", 42, 4000, 250, "available"), (gp3.VolumeType, gp3.SizeGiB, gp3.Iops!.Value, gp3.Throughput!.Value, gp3.State));
                var io1 = volumes.Single(v => v.VolumeId == ids[2]);
                Assert.Equal(("io1", 200, 5000), (io1.VolumeType, io1.SizeGiB, io1.Iops!.Value));
                Assert.Equal("gp3-42", gp3.Tags["Name"]);
            }
        }
    }

    [MotoFact]
    public async Task Should_Return_The_Seeded_Snapshots_With_Their_Fields_When_Collecting_Snapshots()
    {
        foreach (var region in SeededRegions)
        {
            // Given the seeded snapshots; moto ignores Owner.1=self and also returns its built-in AMIs' snapshots (other owners)
            var seeded = Seeded(region);
            var expected = seeded.List("snapshots").OrderBy(s => s.Str("SnapshotId"), StringComparer.Ordinal).ToList();

            // When the collector runs
            var snapshots = (await CollectAsync(new SnapshotsCollector { PageSize = 5 }, region)).Inventory.EbsSnapshots;

            // Then every snapshot moto returns is there with boto3's values
            Assert.Equal(expected.Select(s => s.Str("SnapshotId")), snapshots.Select(s => s.SnapshotId));
            foreach (var (w, g) in expected.Zip(snapshots))
            {
                Assert.Equal(w.Str("VolumeId"), g.VolumeId);
                Assert.Equal(w.Int("VolumeSize"), g.VolumeSizeGiB);
                Assert.Equal(w.Time("StartTime"), g.StartTime);
                Assert.Equal(w.Str("State"), g.State);
                Assert.Equal(w.Str("Description"), g.Description);
                Assert.Equal(w.Str("StorageTier"), g.StorageTier);
                Assert.Equal(w.Tags(), g.Tags);
            }

            // And the account's own snapshots are exactly the seeded ones plus the one behind the seeded AMI
            var imageSnapshots = seeded.List("images").SelectMany(i => i.List("BlockDeviceMappings")).Select(m => m.Str("Ebs", "SnapshotId")!);
            Assert.Equal(
                Ids(seeded, "snapshots").Concat(imageSnapshots).Order(StringComparer.Ordinal),
                expected.Where(s => s.Str("OwnerId") == Account).Select(s => s.Str("SnapshotId")!).Order(StringComparer.Ordinal));
            var nightly = snapshots.Single(s => s.SnapshotId == Ids(seeded, "snapshots")[0]);
            Assert.Equal((Ids(seeded, "volumes")[0], "nightly"), (nightly.VolumeId, nightly.Description));
        }
    }

    [MotoFact]
    public async Task Should_Return_Exactly_The_Seeded_Addresses_Gateways_And_Images_When_Collecting_Them()
    {
        foreach (var region in SeededRegions)
        {
            // Given the seeded Elastic IPs, NAT gateway and AMI
            var seeded = Seeded(region);

            // When the collectors run
            var addresses = (await CollectAsync(new ElasticIpsCollector(), region)).Inventory.ElasticIps;
            var gateways = (await CollectAsync(new NatGatewaysCollector { PageSize = 5 }, region)).Inventory.NatGateways;
            var images = (await CollectAsync(new ImagesCollector { PageSize = 5 }, region)).Inventory.MachineImages;

            // Then the addresses are exactly the seeded ones: one on the first instance, one idle, one on the NAT gateway
            Assert.Equal(Ids(seeded, "addresses").Order(StringComparer.Ordinal), addresses.Select(a => a.AllocationId));
            foreach (var w in seeded.List("addresses"))
            {
                var g = addresses.Single(a => a.AllocationId == w.Str("AllocationId"));
                Assert.Equal((w.Str("PublicIp"), NullIfEmpty(w.Str("AssociationId")), NullIfEmpty(w.Str("InstanceId")), NullIfEmpty(w.Str("NetworkInterfaceId")), w.Str("Domain")),
                    ((string?)g.PublicIp, g.AssociationId, g.InstanceId, g.NetworkInterfaceId, (string?)g.Domain));
                Assert.Equal(w.Tags(), g.Tags);
            }

            var ids = Ids(seeded, "addresses");
            Assert.Equal(Ids(seeded, "instances")[0], addresses.Single(a => a.AllocationId == ids[0]).InstanceId);
            Assert.Null(addresses.Single(a => a.AllocationId == ids[1]).AssociationId);
            Assert.Equal("@cmd", addresses.Single(a => a.AllocationId == ids[1]).Tags["Name"]);

            // And the gateway and image are exactly the seeded ones, with boto3's values
            var wg = Assert.Single(seeded.List("natGateways"));
            var gateway = Assert.Single(gateways);
            Assert.Equal(
                (wg.Str("NatGatewayId"), wg.Str("State"), wg.Str("VpcId"), wg.Str("SubnetId"), wg.Str("ConnectivityType"), wg.Time("CreateTime")),
                ((string?)gateway.NatGatewayId, (string?)gateway.State, gateway.VpcId, gateway.SubnetId, gateway.ConnectivityType, gateway.CreateTime));
            Assert.Equal(Ids(seeded, "natGateways"), [gateway.NatGatewayId]);
            Assert.Equal(wg.Tags(), gateway.Tags);
            Assert.Equal(wg.List("NatGatewayAddresses").Single().Str("NetworkInterfaceId"), addresses.Single(a => a.AllocationId == ids[2]).NetworkInterfaceId);

            var wi = Assert.Single(seeded.List("images"));
            var image = Assert.Single(images);
            Assert.Equal(Ids(seeded, "images"), [image.ImageId]);
            Assert.Equal((wi.Str("Name"), wi.Str("State"), wi.Time("CreationDate"), wi.Time("LastLaunchedTime")),
                (image.Name, (string?)image.State, image.CreationDate, image.LastLaunchedTime));
            Assert.Equal(wi.List("BlockDeviceMappings").Select(m => m.Str("Ebs", "SnapshotId")), image.SnapshotIds);
            Assert.Equal(wi.Tags(), image.Tags);
            Assert.Equal("golden-" + region, image.Name);
        }
    }

    [MotoFact]
    public async Task Should_List_Every_Region_With_Its_Opt_In_Status_When_Collecting_Regions()
    {
        // Given moto's region list, as boto3 reads it
        var expected = Seeded("us-east-1").List("regions").OrderBy(r => r.Str("RegionName"), StringComparer.Ordinal).ToList();

        // When the regions collector runs
        var regions = (await CollectAsync(new RegionsCollector(), "us-east-1")).Inventory.Regions;

        // Then the names and opt-in statuses are the same, not-opted-in ones included
        Assert.Equal(expected.Select(r => (r.Str("RegionName"), r.Str("OptInStatus"))), regions.Select(r => ((string?)r.RegionName, (string?)r.OptInStatus)));
        Assert.Contains(regions, r => r.OptInStatus == "not-opted-in");
    }
}
