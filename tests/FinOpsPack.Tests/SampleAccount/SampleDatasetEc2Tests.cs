using System.Text.RegularExpressions;
using FinOpsPack.SampleAccount.Dataset;

namespace FinOpsPack.Tests.SampleAccount;

/// <summary>The EC2 part of the sample dataset holds together as a real account would, and contains the cases it announces.</summary>
public sealed class SampleDatasetEc2Tests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 30, 45, 678, TimeSpan.Zero);
    private static readonly SampleDataset Data = SampleDataset.Create(Now, "sample-external-id-for-tests");

    private static double DaysAgo(DateTimeOffset? at) => (Now - at!.Value).TotalDays;

    [Fact]
    public void Should_Use_Ec2_Shaped_Unique_Ids_When_Building_The_Dataset()
    {
        // Given every EC2 id in the dataset
        var ids = Data.Ec2Instances.Select(i => i.InstanceId)
            .Concat(Data.EbsVolumes.Select(v => v.VolumeId))
            .Concat(Data.EbsSnapshots.Select(s => s.SnapshotId))
            .Concat(Data.ElasticIps.Select(a => a.AllocationId))
            .Concat(Data.NatGateways.Select(n => n.NatGatewayId))
            .Concat(Data.MachineImages.Select(m => m.ImageId))
            .ToList();

        // Then each has EC2's shape (prefix + 17 hex digits) and none repeats
        Assert.All(ids, id => Assert.Matches("^(i|vol|snap|eipalloc|nat|ami)-[0-9a-f]{17}$", id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Data.EbsSnapshots, s => Assert.Matches("^vol-[0-9a-f]{17}$", s.VolumeId!));
    }

    [Fact]
    public void Should_Agree_Between_Instances_And_Volumes_When_Volumes_Are_Attached()
    {
        // Given instances and their volumes
        foreach (var instance in Data.Ec2Instances)
        {
            // Then each volume an instance lists is attached to it, in its zone, and every attachment is listed by its instance
            Assert.NotEmpty(instance.VolumeIds);
            foreach (var volumeId in instance.VolumeIds)
            {
                var volume = Data.EbsVolumes.Single(v => v.VolumeId == volumeId);
                Assert.Equal([instance.InstanceId], volume.AttachedInstanceIds);
                Assert.Equal((instance.Region, instance.AvailabilityZone), (volume.Region, volume.AvailabilityZone));
                Assert.Equal("in-use", volume.State);
            }
        }

        Assert.All(Data.EbsVolumes.Where(v => v.AttachedInstanceIds.Count == 0), v => Assert.Equal("available", v.State));
        Assert.All(Data.EbsVolumes.SelectMany(v => v.AttachedInstanceIds.Select(i => (v.VolumeId, i))),
            a => Assert.Contains(a.VolumeId, Data.Ec2Instances.Single(i => i.InstanceId == a.i).VolumeIds));
    }

    [Fact]
    public void Should_Keep_Time_In_Order_When_Resources_Derive_From_Each_Other()
    {
        // Then a volume made from a snapshot is younger than it, an AMI is younger than its snapshots,
        // an instance is younger than its own AMI, and was launched before it stopped
        foreach (var volume in Data.EbsVolumes.Where(v => v.SnapshotId is not null))
        {
            var snapshot = Data.EbsSnapshots.Single(s => s.SnapshotId == volume.SnapshotId);
            Assert.True(volume.CreateTime >= snapshot.StartTime, volume.VolumeId);
        }

        foreach (var image in Data.MachineImages)
        {
            Assert.All(image.SnapshotIds, id => Assert.Contains(Data.EbsSnapshots, s => s.SnapshotId == id && s.Region == image.Region && s.StartTime <= image.CreationDate));
            Assert.All(Data.Ec2Instances.Where(i => i.ImageId == image.ImageId), i => Assert.True(i.LaunchTime >= image.CreationDate, i.InstanceId));
            Assert.True(image.LastLaunchedTime is null || image.LastLaunchedTime >= image.CreationDate, image.ImageId);
        }

        Assert.All(Data.Ec2Instances.Where(i => i.StoppedSince is not null), i => Assert.True(i.StoppedSince > i.LaunchTime, i.InstanceId));
        Assert.All(Data.EbsSnapshots.Where(s => Data.EbsVolumes.Any(v => v.VolumeId == s.VolumeId)),
            s => Assert.True(s.StartTime >= Data.EbsVolumes.Single(v => v.VolumeId == s.VolumeId).CreateTime, s.SnapshotId));
    }

    [Fact]
    public void Should_Tie_Each_Nat_Gateway_And_Associated_Address_To_A_Network_Interface_When_Building_The_Dataset()
    {
        // Then each public NAT gateway has exactly one Elastic IP on its interface, in its region and VPC
        foreach (var gateway in Data.NatGateways)
        {
            var address = Assert.Single(Data.ElasticIps, a => a.NetworkInterfaceId == SampleDataset.Ec2NetworkInterfaceOf(gateway.NatGatewayId));
            Assert.Equal(gateway.Region, address.Region);
            Assert.Null(address.InstanceId);
            Assert.Equal(Data.Ec2VpcIds[gateway.Region], gateway.VpcId);
            Assert.Contains(gateway.SubnetId, Data.Ec2SubnetIds.Where(s => s.Key.StartsWith(gateway.Region, StringComparison.Ordinal)).Select(s => s.Value));
        }

        Assert.All(Data.ElasticIps.Where(a => a.InstanceId is not null),
            a => Assert.Equal(SampleDataset.Ec2NetworkInterfaceOf(a.InstanceId!), a.NetworkInterfaceId));
    }

    [Fact]
    public void Should_Contain_Every_Case_The_Checks_Need_When_Building_The_Dataset()
    {
        var inUse = Data.EbsVolumes.Select(v => v.VolumeId).ToHashSet(StringComparer.Ordinal);
        var backingImages = Data.MachineImages.SelectMany(m => m.SnapshotIds).ToHashSet(StringComparer.Ordinal);

        // Unattached gp2 and gp3 volumes; gp2 in use; io1
        Assert.Contains(Data.EbsVolumes, v => v.State == "available" && v.VolumeType == "gp2");
        Assert.Contains(Data.EbsVolumes, v => v.State == "available" && v.VolumeType == "gp3");
        Assert.Contains(Data.EbsVolumes, v => v.State == "in-use" && v.VolumeType == "gp2");
        Assert.Contains(Data.EbsVolumes, v => v.VolumeType == "io1" && v.Iops >= 10000);

        // Volumes attached to an instance stopped for more than 30 days, and one stopped for less
        var longStopped = Data.Ec2Instances.Where(i => i.State == "stopped" && DaysAgo(i.StoppedSince) > 30).ToList();
        Assert.True(longStopped.Sum(i => i.VolumeIds.Count) >= 2);
        Assert.Contains(Data.Ec2Instances, i => i.State == "stopped" && DaysAgo(i.StoppedSince) < 30);

        // Snapshots older than 90 days whose volume is gone (some not backing an AMI, some backing one), and a younger one
        var orphans = Data.EbsSnapshots.Where(s => !inUse.Contains(s.VolumeId!)).ToList();
        Assert.True(orphans.Count(s => DaysAgo(s.StartTime) > 90 && !backingImages.Contains(s.SnapshotId)) >= 3);
        Assert.Contains(orphans, s => DaysAgo(s.StartTime) > 90 && backingImages.Contains(s.SnapshotId));
        Assert.Contains(orphans, s => DaysAgo(s.StartTime) < 90 && !backingImages.Contains(s.SnapshotId));
        Assert.Contains(orphans, s => s.StorageTier == "archive");

        // One unassociated Elastic IP; an idle NAT gateway and one moving heavy traffic
        Assert.Single(Data.ElasticIps, a => a.AssociationId is null);
        Assert.Contains(Data.NatGateways, n => Data.MetricProfiles[n.NatGatewayId].NatBytesOutPerDay == 0);
        Assert.Contains(Data.NatGateways, n => Data.MetricProfiles[n.NatGatewayId].NatBytesOutPerDay > 500d * 1024 * 1024 * 1024);

        // Previous generations, Graviton candidates, Graviton already, low CPU, spot, Windows
        foreach (var family in new[] { "m4.", "t2.", "c4." })
        {
            Assert.Contains(Data.Ec2Instances, i => i.InstanceType.StartsWith(family, StringComparison.Ordinal));
        }

        foreach (var family in new[] { "m5.", "c5.", "r5." })
        {
            Assert.Contains(Data.Ec2Instances, i => i.InstanceType.StartsWith(family, StringComparison.Ordinal) && i.PlatformDetails == "Linux/UNIX" && i.State == "running");
        }

        Assert.Contains(Data.Ec2Instances, i => i.Architecture == "arm64");
        Assert.Contains(Data.Ec2Instances, i => i.State == "running" && Data.MetricProfiles[i.InstanceId] is { CpuAveragePercent: < 5, MissingDays: 0 });
        Assert.Contains(Data.Ec2Instances, i => i.Lifecycle == "spot");
        Assert.Contains(Data.Ec2Instances, i => i.PlatformDetails == "Windows");

        // An unused AMI: old and not launched for months (or never)
        Assert.Contains(Data.MachineImages, m => DaysAgo(m.CreationDate) > 90 && (m.LastLaunchedTime is null || DaysAgo(m.LastLaunchedTime) > 90));

        // Both environments tagged, in both regions
        Assert.Equal(["eu-west-1", "us-east-1"], Data.Ec2Instances.Select(i => i.Region).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(Data.Ec2Instances, i => i.Tags.GetValueOrDefault("env") == "prod");
        Assert.Contains(Data.Ec2Instances, i => i.Tags.GetValueOrDefault("env") == "dev");
    }

    [Fact]
    public void Should_Give_Metrics_To_Running_Instances_And_None_To_Stopped_Ones_When_Building_The_Dataset()
    {
        // Then every running instance has CPU evidence, stopped ones none, exactly one has missing days, NAT gateways have bytes
        Assert.All(Data.Ec2Instances.Where(i => i.State == "running"),
            i => Assert.True(Data.MetricProfiles.TryGetValue(i.InstanceId, out var p) && p.CpuAveragePercent is not null && p.CpuMaxPercent >= p.CpuAveragePercent, i.InstanceId));
        Assert.All(Data.Ec2Instances.Where(i => i.State == "stopped"), i => Assert.False(Data.MetricProfiles.ContainsKey(i.InstanceId), i.InstanceId));
        Assert.Single(Data.Ec2Instances, i => Data.MetricProfiles.TryGetValue(i.InstanceId, out var p) && p.MissingDays > 0);
        Assert.All(Data.NatGateways, n => Assert.NotNull(Data.MetricProfiles[n.NatGatewayId].NatBytesOutPerDay));
        Assert.Contains(Data.EbsVolumes, v => Data.MetricProfiles.TryGetValue(v.VolumeId, out var p) && p.VolumeOpsPerDay is not null);
    }

    [Theory]
    [InlineData("<img src=x onerror=alert(1)>")]
    [InlineData("\"><script>alert(1)</script>")]
    [InlineData("javascript:alert(1)")]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")")]
    [InlineData("+SUM(1,1)")]
    [InlineData("@cmd")]
    public void Should_Carry_The_Injection_Corpus_When_Building_The_Dataset(string payload)
    {
        // Then each payload sits in some Name tag or description, exactly as written
        var texts = Data.Ec2Instances.SelectMany(i => i.Tags.Values)
            .Concat(Data.EbsVolumes.SelectMany(v => v.Tags.Values))
            .Concat(Data.EbsSnapshots.SelectMany(s => s.Tags.Values.Append(s.Description ?? "")))
            .Concat(Data.ElasticIps.SelectMany(a => a.Tags.Values))
            .Concat(Data.NatGateways.SelectMany(n => n.Tags.Values))
            .Concat(Data.MachineImages.SelectMany(m => m.Tags.Values));
        Assert.Contains(payload, texts);
    }

    [Fact]
    public void Should_List_Every_Resource_In_The_Case_Comment_When_The_Dataset_Changes()
    {
        // Given the comment block at the top of the dataset file, from which the findings tests derive their expectations
        var source = File.ReadAllText(Path.Combine(Testing.RepoPaths.Root, "src", "FinOpsPack.SampleAccount", "Dataset", "SampleDataset.Ec2.cs"));
        var comment = string.Join('\n', source.Split('\n').TakeWhile(l => !l.StartsWith("public ", StringComparison.Ordinal)).Where(l => l.StartsWith("//", StringComparison.Ordinal)));
        var mentioned = Regex.Matches(comment, "(i|nat|ami|eipalloc)-[0-9a-f]{17}").Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

        // Then every instance, NAT gateway, AMI and Elastic IP is described there
        Assert.All(Data.Ec2Instances, i => Assert.Contains(i.InstanceId, mentioned));
        Assert.All(Data.NatGateways, n => Assert.Contains(n.NatGatewayId, mentioned));
        Assert.All(Data.MachineImages, m => Assert.Contains(m.ImageId, mentioned));
        Assert.All(Data.ElasticIps.Where(a => a.AssociationId is null), a => Assert.Contains(a.AllocationId, mentioned));
    }
}
