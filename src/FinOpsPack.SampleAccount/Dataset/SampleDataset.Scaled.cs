using FinOpsPack.Core.Inventory;

namespace FinOpsPack.SampleAccount.Dataset;

// The scale mode: a generated account of the size a ScaleProfile asks for, in place of the hand-made parts. It is
// random but seeded (the same profile gives the same account) and coherent the way the standard account is: volumes
// are attached to instances that exist, snapshots name volumes that exist or were deleted, AMIs keep their snapshots,
// Elastic IPs belong to instances or NAT gateways. Cost Optimization Hub's recommendations follow from the resources
// by the hub's own rules, as in the standard account.
public sealed partial class SampleDataset
{
    private SampleDataset(DateTimeOffset now, string externalId, string accountId, ScaleProfile profile)
    {
        Now = now;
        ExternalId = externalId;
        AccountId = accountId;
        Scale = profile;
        MaxPageSize = profile.MaxPageSize;
        EnabledRegions = profile.Regions;
        AllRegions =
        [
            .. profile.Regions.Select(r => new AwsRegionInfo(r, "opt-in-not-required")),
            .. ScaleProfile.OptInRegions.Select(r => new AwsRegionInfo(r, "not-opted-in")),
        ];
        Ec2VpcIds = profile.Regions.Select((r, i) => (r, Id("vpc", i, 0xa, 1))).ToDictionary(p => p.r, p => p.Item2, StringComparer.Ordinal);
        Ec2SubnetIds = profile.Regions.SelectMany((r, i) => new[] { (r + "a", Id("subnet", i, 0xa, 0xa)), (r + "b", Id("subnet", i, 0xa, 0xb)) })
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

        var random = new Random(20_240_601);
        for (var r = 0; r < profile.Regions.Count; r++)
        {
            BuildScaledEc2(profile, r, random);
        }
    }

    /// <summary>A generated account of the profile's size (the benchmark's scale account); the standard parts are not built.</summary>
    public static SampleDataset CreateScaled(DateTimeOffset now, string externalId, ScaleProfile profile, string accountId = DefaultAccountId) =>
        new(now, externalId, accountId, profile);

    /// <summary>The profile a scaled dataset was generated from; null for the standard account.</summary>
    public ScaleProfile? Scale { get; }

    /// <summary>Every resource the account holds, counted as the benchmark states its size.</summary>
    public int ResourceCount =>
        Ec2Instances.Count + EbsVolumes.Count + EbsSnapshots.Count + ElasticIps.Count + NatGateways.Count + MachineImages.Count
        + RdsInstances.Count + RdsSnapshots.Count + EcsClusters.Count + EcsServices.Count + LambdaFunctions.Count + S3Buckets.Count;

    /// <summary>An EC2-style id: the prefix, then 17 hex digits holding the region, the kind of resource and a counter.</summary>
    private static string Id(string prefix, int region, int kind, long n) => $"{prefix}-0{region:x2}{kind:x1}{n:x13}";

    private static readonly (string Type, int Weight)[] InstanceTypes =
    [
        ("m5.large", 14), ("m5.xlarge", 10), ("m5.2xlarge", 5), ("c5.large", 9), ("c5.xlarge", 6), ("c5.2xlarge", 3),
        ("r5.large", 5), ("r5.xlarge", 3), ("t3.medium", 9), ("t3.large", 6), ("m6g.large", 7), ("m6g.xlarge", 4),
        ("c6g.large", 4), ("m6i.large", 5), ("m4.large", 3), ("t2.medium", 3), ("c4.xlarge", 2),
    ];

    private void BuildScaledEc2(ScaleProfile p, int r, Random random)
    {
        var region = p.Regions[r];
        var vpc = Ec2VpcIds[region];
        const string PublicImage = "ami-0c02fb55956c7d316";

        var images = new List<string>();
        for (var n = 0; n < p.ImagesPerRegion; n++)
        {
            images.Add(Id("ami", r, 7, n));
        }

        // Instances first (without volumes), so that volumes can be attached to them.
        var instances = new List<(string Id, string Type, bool Running, bool Windows, List<string> Volumes)>();
        for (var n = 0; n < p.InstancesPerRegion; n++)
        {
            var type = Pick(random, InstanceTypes);
            instances.Add((Id("i", r, 1, n), type, random.NextDouble() < 0.88, random.NextDouble() < 0.08, []));
        }

        var volumes = new List<EbsVolume>();
        EbsVolume Volume(long n, string? instance, double createdDaysAgo, bool root)
        {
            var id = Id("vol", r, 2, n);
            var type = root
                ? PickOne(random, ("gp3", 60), ("gp2", 33), ("io1", 7))
                : PickOne(random, ("gp3", 50), ("gp2", 30), ("io1", 5), ("st1", 10), ("sc1", 5));
            var size = type is "st1" or "sc1" ? random.Next(125, 4000) : root ? random.Next(8, 200) : random.Next(20, 1500);
            var (iops, throughput) = type switch
            {
                "gp2" => (Math.Clamp(size * 3, 100, 16000), (int?)null),
                "gp3" => (3000, 125),
                "io1" => (random.Next(1, 20) * 1000, (int?)null),
                _ => ((int?)null, (int?)null),
            };
            var az = instance is null ? Ec2AzOf(region, id) : Ec2AzOf(region, instance);
            MetricProfiles[id] = new(VolumeOpsPerDay: instance is null ? 0 : Math.Round(random.NextDouble() * 500_000));
            return new EbsVolume(AccountId, region, id, type, size, iops, throughput, instance is null ? "available" : "in-use",
                DaysAgo(createdDaysAgo), az, random.NextDouble() < 0.2 ? Id("snap", r, 3, random.Next(Math.Max(1, p.SnapshotsPerRegion))) : null,
                instance is null ? [] : [instance], Encrypted: random.NextDouble() < 0.5, ScaledTags(random, n));
        }

        var volumeCount = 0L;
        var launched = new double[instances.Count];
        for (var k = 0; k < instances.Count; k++)
        {
            launched[k] = random.Next(1, 1000);
            var root = Volume(volumeCount++, instances[k].Id, launched[k], root: true);
            volumes.Add(root);
            instances[k].Volumes.Add(root.VolumeId);
        }

        for (var n = 0; n < p.ExtraVolumesPerRegion; n++)
        {
            if (instances.Count > 0 && n % 3 != 0)
            {
                var k = random.Next(instances.Count);
                if (instances[k].Volumes.Count < 8)
                {
                    var data = Volume(volumeCount++, instances[k].Id, random.Next(1, (int)launched[k] + 1), root: false);
                    volumes.Add(data);
                    instances[k].Volumes.Add(data.VolumeId);
                    continue;
                }
            }

            volumes.Add(Volume(volumeCount++, null, random.Next(1, 600), root: false));
        }

        EbsVolumes.AddRange(volumes);

        for (var k = 0; k < instances.Count; k++)
        {
            var (id, type, isRunning, windows, attached) = instances[k];
            var graviton = type.Split('.')[0].EndsWith('g');
            var image = images.Count > 0 && random.NextDouble() < 0.3 ? images[random.Next(images.Count)] : PublicImage;
            Ec2Instances.Add(new Ec2Instance(AccountId, region, id, type, isRunning ? "running" : "stopped", DaysAgo(launched[k]),
                isRunning ? null : DaysAgo(random.Next(1, (int)Math.Min(launched[k], 300) + 1)), windows ? "Windows" : "Linux/UNIX",
                graviton ? "arm64" : "x86_64", Ec2AzOf(region, id), random.NextDouble() < 0.05 ? "spot" : null, image, attached,
                ScaledTags(random, k)));
            Ec2ReservationIds[id] = "r-" + id[2..];
            if (isRunning)
            {
                var average = random.NextDouble() < 0.25 ? 1 + (random.NextDouble() * 9) : 10 + (random.NextDouble() * 60);
                MetricProfiles[id] = new(CpuAveragePercent: Math.Round(average, 1), CpuMaxPercent: Math.Round(Math.Min(100, average * (1.2 + random.NextDouble())), 1));
            }
        }

        // Instances launched together share a reservation, as EC2 groups them.
        for (var k = 1; k < instances.Count; k += 10)
        {
            Ec2ReservationIds[instances[k].Id] = Ec2ReservationIds[instances[k - 1].Id];
        }

        var volumeIds = volumes.Select(v => v.VolumeId).ToList();
        var imageSnapshots = new List<string>();
        for (var n = 0; n < p.SnapshotsPerRegion; n++)
        {
            var id = Id("snap", r, 3, n);
            var backsImage = n < images.Count;
            var ofLiveVolume = !backsImage && volumeIds.Count > 0 && random.NextDouble() < 0.45;
            var volume = ofLiveVolume ? volumeIds[random.Next(volumeIds.Count)] : Id("vol", r, 0xd, n);
            var size = random.Next(8, 1000);
            var age = random.Next(1, 900);
            EbsSnapshots.Add(new EbsSnapshot(AccountId, region, id, volume, size, DaysAgo(age), "completed",
                !backsImage && random.NextDouble() < 0.1 ? "archive" : "standard",
                backsImage ? $"Created by CreateImage({Id("i", r, 0xd, n)}) for {images[n]}" : $"backup {n}",
                (long)(size * GiB * (0.2 + (random.NextDouble() * 0.6))), ScaledTags(random, n)));
            if (backsImage)
            {
                imageSnapshots.Add(id);
            }
        }

        for (var n = 0; n < images.Count; n++)
        {
            var created = random.Next(10, 900);
            string[] snapshots = n < imageSnapshots.Count ? [imageSnapshots[n]] : [];
            MachineImages.Add(new MachineImage(AccountId, region, images[n], $"golden-{region}-{n}", DaysAgo(created), "available", snapshots,
                random.NextDouble() < 0.6 ? DaysAgo(random.Next(1, created + 1)) : null, ScaledTags(random, n)));
        }

        for (var n = 0; n < p.NatGatewaysPerRegion; n++)
        {
            var id = Id("nat", r, 4, n);
            var zone = n % 2 == 0 ? "a" : "b";
            NatGateways.Add(new NatGateway(AccountId, region, id, "available", vpc, Ec2SubnetIds[region + zone], "public",
                DaysAgo(random.Next(1, 1000)), ScaledTags(random, n)));
            MetricProfiles[id] = new(NatBytesOutPerDay: random.NextDouble() < 0.1 ? 0 : Math.Round(random.NextDouble() * 900 * GiB));
            ElasticIps.Add(Address(Id("eipalloc", r, 4, n), n, Ec2NetworkInterfaceOf(id), null));
        }

        var running = instances.Where(i => i.Running).Select(i => i.Id).ToList();
        for (var n = 0; n < p.ElasticIpsPerRegion; n++)
        {
            var instance = running.Count > n && n % 3 != 2 ? running[n] : null;
            ElasticIps.Add(Address(Id("eipalloc", r, 5, n), p.NatGatewaysPerRegion + n, instance is null ? null : Ec2NetworkInterfaceOf(instance), instance));
        }

        ElasticIp Address(string id, int n, string? eni, string? instance) =>
            new(AccountId, region, id, $"52.{10 + r}.{n / 250}.{(n % 250) + 1}", eni is null ? null : "eipassoc-" + id[9..], instance, eni, "vpc",
                ScaledTags(random, n));
    }

    private static Dictionary<string, string> ScaledTags(Random random, long n) =>
        random.NextDouble() < 0.1
            ? []
            : Tags(("Name", $"res-{n}"), ("env", PickOne(random, ("prod", 5), ("dev", 3), ("staging", 2))), ("team", $"team-{n % 12}"));

    private static string Pick(Random random, (string Value, int Weight)[] choices)
    {
        var roll = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (roll < weight)
            {
                return value;
            }

            roll -= weight;
        }

        return choices[^1].Value;
    }

    private static string PickOne(Random random, params (string Value, int Weight)[] choices) => Pick(random, choices);
}
