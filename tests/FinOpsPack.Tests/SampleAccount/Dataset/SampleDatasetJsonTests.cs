using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.SampleAccount.Dataset;

/// <summary>The deliberate cases of the JSON services' part of the sample dataset, and its coherence with the other parts.</summary>
public sealed class SampleDatasetJsonTests
{
    private readonly SampleDataset _d = SampleAccountSession.NewDataset();

    [Fact]
    public void Should_Make_The_Scanned_Account_The_Manager_Of_Three_Members_When_Built()
    {
        var org = _d.Organization!;
        Assert.Equal(_d.AccountId, org.MasterAccountId);
        Assert.Equal(3, org.Accounts.Count(a => a.Id != _d.AccountId));
        Assert.Contains(org.Accounts, a => a.State == "SUSPENDED");
    }

    [Fact]
    public void Should_Name_Only_Existing_Resources_And_Hold_Incompatible_Pairs_When_Recommendations_Are_Derived()
    {
        // Given the whole dataset (the EC2, RDS and Lambda parts as they are)
        var all = _d.CohAllRecommendations;
        var deduped = _d.CohRecommendations;
        var arns = _d.Ec2Instances.Select(i => $"arn:aws:ec2:{i.Region}:{i.AccountId}:instance/{i.InstanceId}")
            .Concat(_d.EbsVolumes.Select(v => $"arn:aws:ec2:{v.Region}:{v.AccountId}:volume/{v.VolumeId}"))
            .Concat(_d.RdsInstances.Select(r => r.DbInstanceArn))
            .Concat(_d.LambdaFunctions.Select(f => f.FunctionArn + ":$LATEST")).ToHashSet(StringComparer.Ordinal);

        // Then every recommendation names a resource of the lists, some resource has incompatible alternatives, the
        // de-duplicated list keeps the highest of each, one action type is unknown to the model, and ids are stable
        Assert.All(all, r => Assert.Contains(r.ResourceArn!, arns));
        var pairs = all.GroupBy(r => r.ResourceArn).Where(g => g.Count() > 1).ToList();
        Assert.NotEmpty(pairs);
        Assert.Contains(pairs, g => g.Select(r => r.ActionType).Distinct().Count() > 1 && g.Key!.Contains(":instance/", StringComparison.Ordinal));
        Assert.All(pairs, g => Assert.Equal(g.Max(r => r.EstimatedMonthlySavings), deduped.Single(r => r.ResourceArn == g.Key).EstimatedMonthlySavings));
        Assert.Equal(all.Select(r => r.ResourceArn).Distinct().Count(), deduped.Count);
        string[] known = ["Rightsize", "Stop", "Upgrade", "PurchaseSavingsPlans", "PurchaseReservedInstances", "MigrateToGraviton", "Delete", "ScaleIn"];
        Assert.Contains(deduped, r => !known.Contains(r.ActionType));
        Assert.Equal(all.Select(r => r.RecommendationId), SampleCohRules.Derive(SampleAccountSession.NewDataset()).Select(r => r.RecommendationId));
        Assert.All(all, r => Assert.True(r.EstimatedMonthlySavings > 0 && r.EstimatedMonthlySavings <= r.EstimatedMonthlyCost, r.RecommendationId));
    }

    [Fact]
    public void Should_Put_Both_Anomalies_In_The_90_Day_Window_And_One_In_The_Last_30_Days()
    {
        Assert.All(_d.CostSpikes, s => Assert.InRange(s.FirstDay, _d.Today.AddDays(-90), _d.Today.AddDays(-1)));
        Assert.Contains(_d.CostSpikes, s => s.FirstDay >= _d.Today.AddDays(-30));

        // The spike is in the cube: the line costs its rate plus the spike on those days
        var spike = _d.CostSpikes[0];
        Assert.Equal(SampleCostModel.Rate(_d, spike.Line, spike.FirstDay) + spike.ExtraPerDay, SampleCostModel.Cost(_d, spike.Line, spike.FirstDay).Unblended);
    }

    [Fact]
    public void Should_Have_Functions_Of_Both_Architectures_With_The_Secret_Only_In_Environment_Variables()
    {
        Assert.Contains(_d.LambdaFunctions, f => f.Architectures.Contains("x86_64"));
        Assert.Contains(_d.LambdaFunctions, f => f.Architectures.Contains("arm64"));
        Assert.Equal(["us-east-1", "eu-west-1"], _d.LambdaFunctions.Select(f => f.Region).Distinct());
        Assert.Single(_d.LambdaEnvironments, e => e.Value.Values.Contains(SampleDataset.SampleSecret));
    }

    [Fact]
    public void Should_Have_Buckets_In_Both_Regions_With_And_Without_Lifecycle_And_Multipart_Abort()
    {
        Assert.Equal(["eu-west-1", "us-east-1"], _d.S3Buckets.Select(b => b.Region).Distinct().Order());
        Assert.Contains(_d.S3Buckets, b => b.LifecycleRules is { Count: 0 });
        Assert.Contains(_d.S3Buckets, b => b.LifecycleRules is { } rules && rules.Any(r => r.Status == "Enabled" && r.AbortIncompleteMultipartUploadDays is not null));
        Assert.Contains(_d.S3Buckets, b => b.LifecycleRules is { Count: > 0 } rules && rules.All(r => r.AbortIncompleteMultipartUploadDays is null));
        Assert.Contains(_d.S3Buckets, b => b.LifecycleRules is null && _d.BucketWire[b.Name].LifecycleDenied);
        Assert.Contains(_d.BucketWire.Values, w => w.LocationConstraint == "EU");
    }
}
