using FinOpsPack.SampleAccount.Dataset;

namespace FinOpsPack.Tests.SampleAccount;

public sealed class ScaledDatasetTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.Parse("2026-06-15T10:00:00Z");
    private static readonly SampleDataset Small = SampleDataset.CreateScaled(Now, "x", ScaleProfile.Small);

    [Fact]
    public void Should_Hold_What_The_Profile_Asks_For_When_Generated()
    {
        var p = ScaleProfile.Small;

        Assert.Equal(p.Regions, Small.EnabledRegions);
        Assert.Equal(p.RegionCount * p.InstancesPerRegion, Small.Ec2Instances.Count);
        Assert.Equal(p.RegionCount * (p.InstancesPerRegion + p.ExtraVolumesPerRegion), Small.EbsVolumes.Count);
        Assert.Equal(p.RegionCount * p.SnapshotsPerRegion, Small.EbsSnapshots.Count);
        Assert.Equal(p.RegionCount * p.RdsInstancesPerRegion, Small.RdsInstances.Count);
        Assert.Equal(p.LambdaFunctions, Small.LambdaFunctions.Count);
        Assert.Equal(p.IamRoles, Small.IamRoles.Count);
        Assert.Equal(p.S3Buckets, Small.S3Buckets.Count);
        Assert.Equal(p.MaxPageSize, Small.MaxPageSize);
        Assert.True(Small.CohRecommendations.Count > 100, $"only {Small.CohRecommendations.Count} recommendations");
    }

    [Fact]
    public void Should_Refer_Only_To_Resources_That_Exist_When_Generated()
    {
        // Volumes name existing instances and instances their existing volumes; AMIs keep existing snapshots
        var instances = Small.Ec2Instances.ToDictionary(i => i.InstanceId);
        var volumes = Small.EbsVolumes.ToDictionary(v => v.VolumeId);
        var snapshots = Small.EbsSnapshots.Select(s => s.SnapshotId).ToHashSet();
        Assert.All(Small.EbsVolumes.Where(v => v.State == "in-use"), v => Assert.Contains(v.VolumeId, instances[v.AttachedInstanceIds.Single()].VolumeIds));
        Assert.All(Small.Ec2Instances, i => Assert.All(i.VolumeIds, v => Assert.Equal(i.InstanceId, volumes[v].AttachedInstanceIds.Single())));
        Assert.All(Small.MachineImages, m => Assert.All(m.SnapshotIds, s => Assert.Contains(s, snapshots)));
        Assert.All(Small.ElasticIps.Where(a => a.InstanceId is not null), a => Assert.Equal("running", instances[a.InstanceId!].State));
        Assert.Equal(Small.Ec2Instances.Count, Small.Ec2Instances.Select(i => i.InstanceId).Distinct().Count());
        Assert.All(Small.CohRecommendations, r => Assert.False(string.IsNullOrEmpty(r.ResourceId)));
    }

    [Fact]
    public void Should_Be_The_Same_Account_When_Generated_Twice()
    {
        var again = SampleDataset.CreateScaled(Now, "x", ScaleProfile.Small);

        Assert.Equal(Small.Ec2Instances, again.Ec2Instances, (a, b) => a.InstanceId == b.InstanceId && a.InstanceType == b.InstanceType && a.State == b.State);
        Assert.Equal(Small.CohRecommendations.Select(r => r.RecommendationId), again.CohRecommendations.Select(r => r.RecommendationId));
    }

    [Fact]
    public void Should_Keep_The_Standard_Account_Small_When_Not_Scaled()
    {
        var standard = SampleDataset.Create(Now, "x");

        Assert.Null(standard.Scale);
        Assert.Equal(3, standard.MaxPageSize);
        Assert.Equal(["us-east-1", "eu-west-1"], standard.EnabledRegions);
    }
}
