using FinOpsPack.Core.Inventory;

namespace FinOpsPack.SampleAccount.Dataset;

// The EC2 part of the sample account (us-east-1 and eu-west-1). Deliberate cases, for the checks and their tests
// (ages are days before Now; "cpu a/m" = CloudWatch CPU average/maximum percent):
//
// Instances
//   i-0a100000000000001 web-prod-1      us-east-1 m5.xlarge  running  Linux  cpu 45/85  Graviton candidate (m5 Linux), env=prod
//   i-0a100000000000002 web-prod-2      us-east-1 m5.xlarge  running  Linux  cpu 38/80  Graviton candidate; root volume is gp2 (gp2 in use)
//   i-0a100000000000003 api-prod        us-east-1 c5.2xlarge running  Linux  cpu 55/92  Graviton candidate; data volume io1 500 GiB / 10000 IOPS
//   i-0a100000000000004 <img…> (XSS)    us-east-1 r5.large   running  Linux  cpu 3/9    low CPU (idle) and Graviton candidate, env=dev
//   i-0a100000000000005 legacy-batch    us-east-1 m4.large   running  Linux  cpu 22/60  previous generation (m4)
//   i-0a100000000000006 "><script>…     us-east-1 t2.micro   running  Linux  cpu 1.5/4  previous generation (t2), low CPU, env=dev
//   i-0a100000000000007 old-etl         us-east-1 c4.xlarge  stopped 45 days   Linux     previous generation (c4); 2 gp2 volumes (30 + 200 GiB) attached while stopped >30 days
//   i-0a100000000000008 win-ad          us-east-1 m5.large   running  Windows cpu 30/70 Windows (not a Graviton candidate)
//   i-0a100000000000009 batch-spot      us-east-1 c5.large   running  Linux  cpu 70/98  spot instance (Lifecycle=spot)
//   i-0a100000000000010 graviton-api    us-east-1 m6g.large  running  Linux  arm64 cpu 35/75 already Graviton
//   i-0a100000000000011 ci-runner       us-east-1 t3.medium  stopped 10 days   Linux     stopped, but for less than 30 days, env=dev
//   i-0a100000000000012 data-science    us-east-1 r5.2xlarge running  Linux  cpu 4/12, MissingDays=5: evidence incomplete, must not be called idle
//   i-0e100000000000001 web-eu-prod     eu-west-1 m5.large   running  Linux  cpu 40/80  Graviton candidate, env=prod
//   i-0e100000000000002 archive-eu      eu-west-1 t2.medium  stopped 120 days  Linux     previous generation (t2); gp2 root attached while stopped >30 days
//   i-0e100000000000003 eu-dev-sandbox  eu-west-1 t3.small   running  Linux  cpu 2/5    low CPU, env=dev
// Volumes (besides each instance's root volume; see the table in BuildEc2Volumes)
//   vol-0a100000000000015 us-east-1 gp2 500 GiB available, created 200 days ago, Name =HYPERLINK(…) (CSV injection), 0 ops/day
//   vol-0a100000000000016 us-east-1 gp3 100 GiB available, created 40 days ago from snap-0a100000000000009, 0 ops/day
//   vol-0e100000000000004 eu-west-1 gp2 50 GiB  available, created 15 days ago (young unattached volume)
//   vol-0a100000000000004 us-east-1 io1 500 GiB / 10000 IOPS on api-prod, 40 000 ops/day (provisioned IOPS far above use)
//   vol-0a100000000000002 us-east-1 gp2 100 GiB in use (gp2 → gp3)
// Snapshots
//   snap-0a100000000000003 us-east-1 200 days, 250 GiB,  volume vol-0dead000000000001 deleted → orphan >90 days; description +SUM(1,1)
//   snap-0a100000000000004 us-east-1 400 days, 1000 GiB, volume vol-0dead000000000002 deleted → orphan >90 days; description javascript:alert(1)
//   snap-0a100000000000005 us-east-1 120 days, 50 GiB,   volume deleted, storage tier archive → orphan >90 days, already archived
//   snap-0a100000000000006 us-east-1 60 days,  80 GiB,   volume deleted → orphan but younger than 90 days
//   snap-0a100000000000007 us-east-1 300 days, volume deleted, backs ami-0a100000000000001 → not an orphan (an AMI needs it)
//   snap-0a100000000000010 us-east-1 300 days, volume deleted, backs ami-0a100000000000003 → not an orphan (an AMI needs it)
//   snap-0e100000000000002 eu-west-1 100 days, volume deleted, backs ami-0e100000000000001 → not an orphan (an AMI needs it)
//   snap-0e100000000000001 eu-west-1 150 days, 40 GiB,   volume deleted → orphan >90 days
//   snap-0a100000000000001/2/8/9: their volume exists (snap-…09 is 100 days old, its volume is old-etl's data volume)
// Elastic IPs
//   eipalloc-0a100000000000001 us-east-1 associated with web-prod-1
//   eipalloc-0a100000000000002 us-east-1 unassociated (billed idle), Name @cmd, env=dev
//   eipalloc-0a100000000000003/4 and eipalloc-0e100000000000001: the public addresses of the three NAT gateways
// NAT gateways
//   nat-0a1ac000000000001 us-east-1 heavy traffic: ~850 GiB out per day (VPC endpoint candidate), env=prod
//   nat-0a1ac000000000002 us-east-1 idle: 0 bytes out over the window, Name javascript:alert(1), env=dev
//   nat-0e1ac000000000001 eu-west-1 moderate traffic: ~25 GiB out per day
// AMIs (own)
//   ami-0a100000000000001 us-east-1 legacy-app-2023, created 300 days ago, never launched (no lastLaunchedTime) → unused AMI; keeps snap-…07
//   ami-0a100000000000002 us-east-1 web-golden-v42, created 20 days ago, last launched 18 days ago (batch-spot)
//   ami-0a100000000000003 us-east-1 win-base-2022, created 300 days ago, last launched 250 days ago (win-ad); tag Name @cmd
//   ami-0e100000000000001 eu-west-1 eu-web-golden-v7, created 100 days ago, last launched 90 days ago (web-eu-prod)
// Instances not launched from an own AMI use public Amazon images (ami-0c02fb55956c7d316, …), which DescribeImages Owner=self omits.
public sealed partial class SampleDataset
{
    /// <summary>The VPC of each region (one per region in the sample account).</summary>
    public IReadOnlyDictionary<string, string> Ec2VpcIds { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["us-east-1"] = "vpc-0a1000000000000aa",
        ["eu-west-1"] = "vpc-0e1000000000000aa",
    };

    /// <summary>The subnet of each availability zone.</summary>
    public IReadOnlyDictionary<string, string> Ec2SubnetIds { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["us-east-1a"] = "subnet-0a10000000000001a",
        ["us-east-1b"] = "subnet-0a10000000000001b",
        ["eu-west-1a"] = "subnet-0e10000000000001a",
        ["eu-west-1b"] = "subnet-0e10000000000001b",
    };

    /// <summary>Reservation of each instance; instances launched together share one (web-prod-1 and web-prod-2).</summary>
    public Dictionary<string, string> Ec2ReservationIds { get; } = new(StringComparer.Ordinal);

    /// <summary>The network interface EC2 gives an instance or a NAT gateway in this dataset (eni- + the resource's hex).</summary>
    public static string Ec2NetworkInterfaceOf(string resourceId) => "eni-" + resourceId[(resourceId.IndexOf('-', StringComparison.Ordinal) + 1)..];

    private const double GiB = 1024d * 1024 * 1024;

    /// <summary>Availability zone of a resource (a volume takes its instance's): ids ending in an even digit sit in zone b.</summary>
    private static string Ec2AzOf(string region, string resourceId) => region + (resourceId[^1] is '2' or '4' or '6' or '8' ? "b" : "a");

    partial void BuildEc2()
    {
        BuildEc2Images();
        BuildEc2Snapshots();
        var volumes = BuildEc2Volumes();
        BuildEc2Instances(volumes);
        BuildEc2Addresses();
        BuildEc2NatGateways();
    }

    /// <summary>Whole seconds: EC2 sends milliseconds and the state-transition reason seconds, so dates must round-trip.</summary>
    private DateTimeOffset DaysAgo(double days)
    {
        var at = Now.AddDays(-days);
        return new DateTimeOffset(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private static Dictionary<string, string> Tags(params (string Key, string Value)[] tags) =>
        tags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal);

    private sealed record VolumeRow(string Region, string Id, string Type, int Size, string? Instance, double CreatedDaysAgo, string? Snapshot,
        Dictionary<string, string>? Tags = null, int? Iops = null);

    private void BuildEc2Images()
    {
        Image("us-east-1", "ami-0a100000000000001", "legacy-app-2023", 300, null, "snap-0a100000000000007", Tags(("env", "prod"), ("app", "legacy")));
        Image("us-east-1", "ami-0a100000000000002", "web-golden-v42", 20, 18, "snap-0a100000000000008", Tags(("env", "prod"), ("Name", "web golden image")));
        Image("us-east-1", "ami-0a100000000000003", "win-base-2022", 300, 250, "snap-0a100000000000010", Tags(("Name", "@cmd")));
        Image("eu-west-1", "ami-0e100000000000001", "eu-web-golden-v7", 100, 90, "snap-0e100000000000002", Tags(("env", "prod")));

        void Image(string region, string id, string name, int createdDaysAgo, int? launchedDaysAgo, string snapshot, Dictionary<string, string> tags) =>
            MachineImages.Add(new MachineImage(AccountId, region, id, name, DaysAgo(createdDaysAgo), "available", [snapshot],
                launchedDaysAgo is { } l ? DaysAgo(l) : null, tags));
    }

    private void BuildEc2Snapshots()
    {
        Snapshot("us-east-1", "snap-0a100000000000001", "vol-0a100000000000001", 100, 10, "daily backup web-prod-1", Tags(("env", "prod")));
        Snapshot("us-east-1", "snap-0a100000000000002", "vol-0a100000000000002", 100, 35, "weekly backup web-prod-2", Tags(("env", "prod")));
        Snapshot("us-east-1", "snap-0a100000000000003", "vol-0dead000000000001", 250, 200, "+SUM(1,1)", Tags(("env", "dev")));
        Snapshot("us-east-1", "snap-0a100000000000004", "vol-0dead000000000002", 1000, 400, "javascript:alert(1)", Tags(("env", "prod"), ("Name", "pre-migration dump")));
        Snapshot("us-east-1", "snap-0a100000000000005", "vol-0dead000000000003", 50, 120, "quarterly archive", Tags(("env", "prod")), "archive");
        Snapshot("us-east-1", "snap-0a100000000000006", "vol-0dead000000000004", 80, 60, "before resize", Tags(("env", "dev")));
        Snapshot("us-east-1", "snap-0a100000000000007", "vol-0dead000000000005", 30, 300,
            "Created by CreateImage(i-0dead000000000009) for ami-0a100000000000001", Tags());
        Snapshot("us-east-1", "snap-0a100000000000008", "vol-0a100000000000001", 100, 20,
            "Created by CreateImage(i-0a100000000000001) for ami-0a100000000000002", Tags());
        Snapshot("us-east-1", "snap-0a100000000000009", "vol-0a100000000000009", 200, 100, "old-etl data before cut-over", Tags(("env", "prod")));
        Snapshot("us-east-1", "snap-0a100000000000010", "vol-0dead000000000007", 80, 300,
            "Created by CreateImage(i-0dead000000000008) for ami-0a100000000000003", Tags());
        Snapshot("eu-west-1", "snap-0e100000000000001", "vol-0dead000000000006", 40, 150, "eu nightly", Tags(("env", "prod")));
        Snapshot("eu-west-1", "snap-0e100000000000002", "vol-0dead000000000008", 50, 100,
            "Created by CreateImage(i-0dead00000000000a) for ami-0e100000000000001", Tags());

        void Snapshot(string region, string id, string volume, int sizeGiB, int ageDays, string description, Dictionary<string, string> tags,
            string tier = "standard") =>
            EbsSnapshots.Add(new EbsSnapshot(AccountId, region, id, volume, sizeGiB, DaysAgo(ageDays), "completed", tier, description,
                (long)(sizeGiB * GiB * 0.37), tags));
    }

    private List<VolumeRow> BuildEc2Volumes()
    {
        List<VolumeRow> rows =
        [
            new("us-east-1", "vol-0a100000000000001", "gp3", 100, "i-0a100000000000001", 400, null),
            new("us-east-1", "vol-0a100000000000002", "gp2", 100, "i-0a100000000000002", 400, null),
            new("us-east-1", "vol-0a100000000000003", "gp3", 50, "i-0a100000000000003", 500, null),
            new("us-east-1", "vol-0a100000000000004", "io1", 500, "i-0a100000000000003", 500, null, Tags(("env", "prod"), ("Name", "api-prod-db")), 10000),
            new("us-east-1", "vol-0a100000000000005", "gp2", 50, "i-0a100000000000004", 90, null),
            new("us-east-1", "vol-0a100000000000006", "gp2", 30, "i-0a100000000000005", 900, null),
            new("us-east-1", "vol-0a100000000000007", "gp2", 8, "i-0a100000000000006", 700, null),
            new("us-east-1", "vol-0a100000000000008", "gp2", 30, "i-0a100000000000007", 600, null),
            new("us-east-1", "vol-0a100000000000009", "gp2", 200, "i-0a100000000000007", 600, null, Tags(("env", "prod"), ("Name", "old-etl-data"))),
            new("us-east-1", "vol-0a100000000000010", "gp3", 80, "i-0a100000000000008", 250, "snap-0a100000000000010"),
            new("us-east-1", "vol-0a100000000000011", "gp3", 20, "i-0a100000000000009", 18, "snap-0a100000000000008"),
            new("us-east-1", "vol-0a100000000000012", "gp3", 30, "i-0a100000000000010", 60, null),
            new("us-east-1", "vol-0a100000000000013", "gp3", 30, "i-0a100000000000011", 30, null),
            new("us-east-1", "vol-0a100000000000014", "gp3", 200, "i-0a100000000000012", 150, null),
            new("us-east-1", "vol-0a100000000000015", "gp2", 500, null, 200, null, Tags(("env", "dev"), ("Name", "=HYPERLINK(\"http://evil\",\"x\")"))),
            new("us-east-1", "vol-0a100000000000016", "gp3", 100, null, 40, "snap-0a100000000000009", Tags(("env", "prod"), ("Name", "old-etl-restore-test"))),
            new("eu-west-1", "vol-0e100000000000001", "gp3", 50, "i-0e100000000000001", 90, "snap-0e100000000000002"),
            new("eu-west-1", "vol-0e100000000000002", "gp2", 20, "i-0e100000000000002", 800, null),
            new("eu-west-1", "vol-0e100000000000003", "gp3", 8, "i-0e100000000000003", 45, null),
            new("eu-west-1", "vol-0e100000000000004", "gp2", 50, null, 15, null, Tags(("env", "dev"))),
        ];

        foreach (var row in rows)
        {
            var (iops, throughput) = row.Type switch
            {
                "gp2" => (Math.Clamp(row.Size * 3, 100, 16000), (int?)null),
                "gp3" => (3000, 125),
                _ => (row.Iops ?? 100, (int?)null),
            };
            EbsVolumes.Add(new EbsVolume(AccountId, row.Region, row.Id, row.Type, row.Size, iops, throughput,
                row.Instance is null ? "available" : "in-use", DaysAgo(row.CreatedDaysAgo), Ec2AzOf(row.Region, row.Instance ?? row.Id),
                row.Snapshot, row.Instance is null ? [] : [row.Instance], Encrypted: row.Region == "eu-west-1" || row.Type == "io1",
                row.Tags ?? Tags()));
        }

        MetricProfiles["vol-0a100000000000015"] = new(VolumeOpsPerDay: 0);
        MetricProfiles["vol-0a100000000000016"] = new(VolumeOpsPerDay: 0);
        MetricProfiles["vol-0a100000000000004"] = new(VolumeOpsPerDay: 40_000);
        MetricProfiles["vol-0a100000000000002"] = new(VolumeOpsPerDay: 2_000_000);
        return rows;
    }

    private void BuildEc2Instances(List<VolumeRow> volumes)
    {
        const string Linux = "Linux/UNIX";
        const string AmazonLinux = "ami-0c02fb55956c7d316";

        Instance("us-east-1", "i-0a100000000000001", "m5.xlarge", 400, null, Linux, AmazonLinux, Tags(("Name", "web-prod-1"), ("env", "prod")), 45, 85);
        Instance("us-east-1", "i-0a100000000000002", "m5.xlarge", 400, null, Linux, AmazonLinux, Tags(("Name", "web-prod-2"), ("env", "prod")), 38, 80);
        Instance("us-east-1", "i-0a100000000000003", "c5.2xlarge", 500, null, Linux, AmazonLinux, Tags(("Name", "api-prod"), ("env", "prod")), 55, 92);
        Instance("us-east-1", "i-0a100000000000004", "r5.large", 90, null, Linux, AmazonLinux, Tags(("Name", "<img src=x onerror=alert(1)>"), ("env", "dev")), 3, 9);
        Instance("us-east-1", "i-0a100000000000005", "m4.large", 900, null, Linux, AmazonLinux, Tags(("Name", "legacy-batch"), ("env", "prod")), 22, 60);
        Instance("us-east-1", "i-0a100000000000006", "t2.micro", 700, null, Linux, AmazonLinux, Tags(("Name", "\"><script>alert(1)</script>"), ("env", "dev")), 1.5, 4);
        Instance("us-east-1", "i-0a100000000000007", "c4.xlarge", 600, 45, Linux, AmazonLinux, Tags(("Name", "old-etl"), ("env", "prod")));
        Instance("us-east-1", "i-0a100000000000008", "m5.large", 250, null, "Windows", "ami-0a100000000000003", Tags(("Name", "win-ad"), ("env", "prod")), 30, 70);
        Instance("us-east-1", "i-0a100000000000009", "c5.large", 18, null, Linux, "ami-0a100000000000002", Tags(("Name", "batch-spot"), ("env", "prod")), 70, 98, lifecycle: "spot");
        Instance("us-east-1", "i-0a100000000000010", "m6g.large", 60, null, Linux, "ami-0f1a5f5ada0e7da53", Tags(("Name", "graviton-api"), ("env", "prod")), 35, 75,
            architecture: "arm64");
        Instance("us-east-1", "i-0a100000000000011", "t3.medium", 30, 10, Linux, AmazonLinux, Tags(("Name", "ci-runner"), ("env", "dev")));
        Instance("us-east-1", "i-0a100000000000012", "r5.2xlarge", 150, null, Linux, AmazonLinux, Tags(("Name", "data-science"), ("env", "dev")), 4, 12, missingDays: 5);
        Instance("eu-west-1", "i-0e100000000000001", "m5.large", 90, null, Linux, "ami-0e100000000000001", Tags(("Name", "web-eu-prod"), ("env", "prod")), 40, 80);
        Instance("eu-west-1", "i-0e100000000000002", "t2.medium", 800, 120, Linux, "ami-0d71ea30463e0ff8d", Tags(("Name", "archive-eu"), ("env", "prod")));
        Instance("eu-west-1", "i-0e100000000000003", "t3.small", 45, null, Linux, "ami-0d71ea30463e0ff8d", Tags(("Name", "eu-dev-sandbox"), ("env", "dev")), 2, 5);

        foreach (var instance in Ec2Instances)
        {
            Ec2ReservationIds[instance.InstanceId] = "r-" + instance.InstanceId[2..];
        }

        Ec2ReservationIds["i-0a100000000000002"] = Ec2ReservationIds["i-0a100000000000001"];

        void Instance(string region, string id, string type, int launchedDaysAgo, int? stoppedDaysAgo, string platform, string image,
            Dictionary<string, string> tags, double? cpuAverage = null, double? cpuMax = null, string? lifecycle = null,
            string architecture = "x86_64", int missingDays = 0)
        {
            var attached = volumes.Where(v => v.Instance == id).Select(v => v.Id).ToList();
            Ec2Instances.Add(new Ec2Instance(AccountId, region, id, type, stoppedDaysAgo is null ? "running" : "stopped", DaysAgo(launchedDaysAgo),
                stoppedDaysAgo is { } s ? DaysAgo(s) : null, platform, architecture, Ec2AzOf(region, id), lifecycle, image,
                attached, tags));
            if (cpuAverage is not null)
            {
                MetricProfiles[id] = new(CpuAveragePercent: cpuAverage, CpuMaxPercent: cpuMax, MissingDays: missingDays);
            }
        }
    }

    private void BuildEc2Addresses()
    {
        Address("us-east-1", "eipalloc-0a100000000000001", "54.210.10.11", "i-0a100000000000001", Tags(("Name", "web-prod-1"), ("env", "prod")));
        Address("us-east-1", "eipalloc-0a100000000000002", "54.210.10.12", null, Tags(("Name", "@cmd"), ("env", "dev")));
        Address("us-east-1", "eipalloc-0a100000000000003", "3.220.4.21", "nat-0a1ac000000000001", Tags(("env", "prod")));
        Address("us-east-1", "eipalloc-0a100000000000004", "3.220.4.22", "nat-0a1ac000000000002", Tags(("env", "dev")));
        Address("eu-west-1", "eipalloc-0e100000000000001", "52.48.7.31", "nat-0e1ac000000000001", Tags(("env", "prod")));

        void Address(string region, string id, string ip, string? attachedTo, Dictionary<string, string> tags) =>
            ElasticIps.Add(new ElasticIp(AccountId, region, id, ip, attachedTo is null ? null : "eipassoc-" + id[9..],
                attachedTo is not null && attachedTo.StartsWith("i-", StringComparison.Ordinal) ? attachedTo : null,
                attachedTo is null ? null : Ec2NetworkInterfaceOf(attachedTo), "vpc", tags));
    }

    private void BuildEc2NatGateways()
    {
        NatGateways.Add(new NatGateway(AccountId, "us-east-1", "nat-0a1ac000000000001", "available", Ec2VpcIds["us-east-1"], Ec2SubnetIds["us-east-1a"],
            "public", DaysAgo(700), Tags(("Name", "core-egress"), ("env", "prod"))));
        NatGateways.Add(new NatGateway(AccountId, "us-east-1", "nat-0a1ac000000000002", "available", Ec2VpcIds["us-east-1"], Ec2SubnetIds["us-east-1b"],
            "public", DaysAgo(180), Tags(("Name", "javascript:alert(1)"), ("env", "dev"))));
        NatGateways.Add(new NatGateway(AccountId, "eu-west-1", "nat-0e1ac000000000001", "available", Ec2VpcIds["eu-west-1"], Ec2SubnetIds["eu-west-1a"],
            "public", DaysAgo(500), Tags(("Name", "eu-egress"), ("env", "prod"))));

        MetricProfiles["nat-0a1ac000000000001"] = new(NatBytesOutPerDay: 850 * GiB);
        MetricProfiles["nat-0a1ac000000000002"] = new(NatBytesOutPerDay: 0);
        MetricProfiles["nat-0e1ac000000000001"] = new(NatBytesOutPerDay: 25 * GiB);
    }
}
