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
            BuildScaledRds(profile, r, random);
            BuildScaledEcs(profile, r, random);
        }

        BuildScaledLambda(profile, random);
        BuildScaledS3(profile, random);
        BuildOrganization();
        BuildCosts();
        BuildIam();
        BuildScaledIamRoles(profile, random);

        // Derived once: the hub's rules over 100,000 resources are too slow to run again for every page served.
        _frozenCohAll = SampleCohRules.Derive(this);
        _frozenCoh = SampleCohRules.Deduplicate(_frozenCohAll);
    }

    private readonly IReadOnlyList<CohRecommendation>? _frozenCohAll;
    private readonly IReadOnlyList<CohRecommendation>? _frozenCoh;

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

    private static readonly string[] DbClasses = ["db.t3.medium", "db.t3.large", "db.m5.large", "db.m5.xlarge", "db.r5.large", "db.r5.xlarge", "db.m6g.large", "db.r6g.large", "db.m4.large"];
    private static readonly (string Engine, string Version)[] DbEngines = [("mysql", "8.0.39"), ("postgres", "16.3"), ("mariadb", "10.11.8"), ("postgres", "15.7")];

    private void BuildScaledRds(ScaleProfile p, int r, Random random)
    {
        var region = p.Regions[r];
        var ids = new List<string>();
        for (var n = 0; n < p.RdsInstancesPerRegion; n++)
        {
            var id = $"db-{region}-{n:D4}";
            var (engine, version) = DbEngines[random.Next(DbEngines.Length)];
            var storageType = PickOne(random, ("gp3", 5), ("gp2", 3), ("io1", 1));
            var idle = random.NextDouble() < 0.1;
            RdsInstances.Add(new RdsInstance(AccountId, region, id, $"arn:aws:rds:{region}:{AccountId}:db:{id}", DbClasses[random.Next(DbClasses.Length)],
                engine, version, random.NextDouble() < 0.05 ? "stopped" : "available", random.Next(20, 2000), storageType,
                storageType == "io1" ? random.Next(1, 20) * 1000 : null, random.NextDouble() < 0.3, DaysAgo(random.Next(1, 1500), hours: 7), null,
                "db-" + Id("x", r, 6, n)[2..].ToUpperInvariant(), ScaledTags(random, n)));
            var cpu = idle ? 1 + random.NextDouble() : 5 + (random.NextDouble() * 70);
            MetricProfiles[id] = new(CpuAveragePercent: Math.Round(cpu, 1), CpuMaxPercent: Math.Round(Math.Min(100, cpu * 1.6), 1),
                DbConnectionsMax: idle ? 0 : random.Next(1, 500));
            ids.Add(id);
        }

        for (var n = 0; n < p.RdsSnapshotsPerRegion; n++)
        {
            var manual = n % 3 == 0;
            var db = ids.Count > 0 && random.NextDouble() < 0.8 ? ids[random.Next(ids.Count)] : $"db-{region}-deleted-{n:D4}";
            var created = DaysAgo(manual ? random.Next(1, 900) : random.Next(1, 8), hours: 2);
            var id = manual ? $"{db}-manual-{n:D4}" : $"rds:{db}-{created:yyyy-MM-dd-HH-mm}-{n:D4}";
            RdsSnapshots.Add(new RdsSnapshot(AccountId, region, id, $"arn:aws:rds:{region}:{AccountId}:snapshot:{id}", db, manual ? "manual" : "automated",
                created, random.Next(20, 2000), "gp3", "postgres", "available", manual ? Tags(("created-by", "dba-team")) : []));
        }
    }

    private void BuildScaledEcs(ScaleProfile p, int r, Random random)
    {
        var region = p.Regions[r];
        for (var c = 0; c < p.EcsClustersPerRegion; c++)
        {
            var name = $"cluster-{c}";
            var arn = $"arn:aws:ecs:{region}:{AccountId}:cluster/{name}";
            var running = 0;
            for (var n = 0; n < p.EcsServicesPerCluster; n++)
            {
                var desired = random.NextDouble() < 0.1 ? 0 : random.Next(1, 10);
                var launch = PickOne(random, ("FARGATE", 6), ("EC2", 3), ("", 1));
                EcsServices.Add(new EcsService(AccountId, region, $"arn:aws:ecs:{region}:{AccountId}:service/{name}/svc-{n}", $"svc-{n}", arn, "ACTIVE",
                    launch.Length == 0 ? null : launch, desired, desired, launch.Length == 0 ? ["FARGATE_SPOT", "FARGATE"] : [], ScaledTags(random, n)));
                running += desired;
            }

            EcsClusters.Add(new EcsCluster(AccountId, region, arn, name, "ACTIVE", running, p.EcsServicesPerCluster, ScaledTags(random, c)));
        }
    }

    private static readonly string[] Runtimes = ["python3.12", "nodejs20.x", "java21", "python3.11", "provided.al2023"];

    private void BuildScaledLambda(ScaleProfile p, Random random)
    {
        for (var n = 0; n < p.LambdaFunctions; n++)
        {
            var region = p.Regions[n % p.Regions.Count];
            var name = $"fn-{n:D5}";
            var arn = $"arn:aws:lambda:{region}:{AccountId}:function:{name}";
            var image = random.NextDouble() < 0.05;
            int[] memories = [128, 256, 512, 1024, 1536, 2048, 3008];
            LambdaFunctions.Add(new LambdaFunction(AccountId, region, name, arn, image ? null : Runtimes[random.Next(Runtimes.Length)],
                memories[random.Next(memories.Length)], random.Next(3, 900), [random.NextDouble() < 0.3 ? "arm64" : "x86_64"], image ? "Image" : "Zip",
                image ? 0 : random.Next(1_000, 50_000_000), LambdaModifiedAt(random.Next(1, 900))));
            LambdaUsage[arn] = new SampleLambdaUsage(random.Next(0, 5_000_000), random.Next(5, 5_000), random.NextDouble() < 0.02 ? random.Next(1, 50) : 0);
        }
    }

    private void BuildScaledS3(ScaleProfile p, Random random)
    {
        for (var n = 0; n < p.S3Buckets; n++)
        {
            var region = p.Regions[n % p.Regions.Count];
            var name = $"acme-bucket-{n:D4}";
            var created = Now.AddDays(-random.Next(10, 2000)).ToUniversalTime();
            S3LifecycleRule[] rules = PickOne(random, ("none", 4), ("expire", 3), ("abort", 3)) switch
            {
                "none" => [],
                "expire" => [new("expire", "Enabled", true, false, null)],
                _ => [new("tidy", "Enabled", true, true, 7)],
            };
            S3Buckets.Add(new S3Bucket(AccountId, name, region, new DateTimeOffset(created.Year, created.Month, created.Day, 9, 30, 0, TimeSpan.Zero), rules));
            BucketWire[name] = new SampleBucketWire(region == "us-east-1" ? null : region);
        }
    }

    /// <summary>The hand-made IAM part's policies whose default version allows some Bedrock action.</summary>
    private static readonly HashSet<string> GrantsBedrock = new(StringComparer.Ordinal)
    {
        "AmazonBedrockFullAccess", "AdministratorAccess", "AmazonBedrockSampleServiceRolePolicy", "genai-boundary", "batch-inference-access", "ops-not-iam",
    };

    /// <summary>Roles beyond the hand-made IAM part, attached to its policies (some grant Bedrock, some carry the boundary).</summary>
    private void BuildScaledIamRoles(ScaleProfile p, Random random)
    {
        var policies = IamPolicies.Where(x => x.Name is not "unused-legacy-policy").ToList();
        var boundary = IamPolicies.Single(x => x.Name == "genai-boundary").Arn;
        for (var n = IamRoles.Count; n < p.IamRoles; n++)
        {
            var attached = policies[random.Next(policies.Count)];
            IamRoles.Add(new SampleIamRole($"app-role-{n:D5}", "/apps/",
                """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""",
                [], [attached.Arn], random.NextDouble() < 0.3 ? boundary : null, Tags(("team", $"team-{n % 12}")), DaysAgo(random.Next(1, 1500)),
                random.NextDouble() < 0.5 ? DaysAgo(random.Next(0, 90)) : null, BedrockExpected: GrantsBedrock.Contains(attached.Name)));
        }
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
