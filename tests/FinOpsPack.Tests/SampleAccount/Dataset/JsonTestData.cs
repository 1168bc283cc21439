using FinOpsPack.Core.Inventory;
using FinOpsPack.SampleAccount.Dataset;

namespace FinOpsPack.Tests.SampleAccount.Dataset;

/// <summary>
/// Resources the JSON-vertical tests put into a sample dataset: compute the Cost Optimization Hub rules act on (the EC2,
/// EBS and RDS parts of the dataset belong to other parts and may change), and extra items to spread lists over many pages.
/// </summary>
internal static class JsonTestData
{
    private static readonly Dictionary<string, string> NoTags = [];

    /// <summary>Replaces the EC2, EBS and RDS lists with a known set (metric profiles included).</summary>
    public static SampleDataset WithKnownCompute(this SampleDataset d)
    {
        var a = d.AccountId;
        d.Ec2Instances.Clear();
        d.EbsVolumes.Clear();
        d.RdsInstances.Clear();
        d.MetricProfiles.Clear();
        var launched = d.Now.AddDays(-200);
        Ec2Instance Instance(string region, string id, string type, string state, string? arch = "x86_64") =>
            new(a, region, id, type, state, launched, null, "Linux/UNIX", arch, region + "a", null, "ami-1", [], NoTags);

        d.Ec2Instances.AddRange(
        [
            Instance("us-east-1", "i-0lowcpu00000m5xl", "m5.xlarge", "running"),     // low CPU: Rightsize and Graviton
            Instance("us-east-1", "i-0busy000000c5lg", "c5.large", "running"),       // busy: Graviton only
            Instance("eu-west-1", "i-0t3large0000eu1", "t3.large", "running"),       // busy, no Graviton family rule
            Instance("us-east-1", "i-0stopped000m5lg", "m5.large", "stopped"),       // stopped: nothing, no cost
            Instance("eu-west-1", "i-0graviton00m6g", "m6g.large", "running", "arm64"),
        ]);
        d.MetricProfiles["i-0lowcpu00000m5xl"] = new SampleMetricProfile(CpuAveragePercent: 4, CpuMaxPercent: 18);
        d.MetricProfiles["i-0busy000000c5lg"] = new SampleMetricProfile(CpuAveragePercent: 55, CpuMaxPercent: 92);
        d.MetricProfiles["i-0t3large0000eu1"] = new SampleMetricProfile(CpuAveragePercent: 40, CpuMaxPercent: 80);

        EbsVolume Volume(string region, string id, string type, int size, string state) =>
            new(a, region, id, type, size, null, null, state, launched, region + "a", null, [], true, NoTags);
        d.EbsVolumes.AddRange(
        [
            Volume("us-east-1", "vol-0unattachedgp2", "gp2", 100, "available"),    // Delete and Upgrade
            Volume("eu-west-1", "vol-0attachedgp2xx", "gp2", 500, "in-use"),       // Upgrade
            Volume("us-east-1", "vol-0attachedgp3xx", "gp3", 200, "in-use"),       // nothing
        ]);

        d.RdsInstances.Add(new RdsInstance(a, "us-east-1", "reports-db", $"arn:aws:rds:us-east-1:{a}:db:reports-db", "db.m5.large",
            "postgres", "16.3", "available", 100, "gp3", null, false, launched, null, "db-IDLE0REPORTS", NoTags));
        d.MetricProfiles["reports-db"] = new SampleMetricProfile(DbConnectionsMax: 0);
        return d;
    }

    public static SampleDataset WithManyAccounts(this SampleDataset d, int count)
    {
        var org = d.Organization!;
        d.Organization = org with
        {
            Accounts = [.. org.Accounts, .. Enumerable.Range(1, count).Select(i =>
                new SampleOrgAccount($"9000000000{i:00}", $"team-{i:00}", $"team-{i:00}@acme.example", "ACTIVE", "CREATED", d.Now.AddDays(-i)))],
        };
        return d;
    }

    public static SampleDataset WithManyEcs(this SampleDataset d, int clusters, int services)
    {
        var a = d.AccountId;
        for (var i = 0; i < clusters; i++)
        {
            d.EcsClusters.Add(new EcsCluster(a, "us-east-1", $"arn:aws:ecs:us-east-1:{a}:cluster/extra-{i:00}", $"extra-{i:00}", "ACTIVE", 0, 0, NoTags));
        }

        var web = d.EcsClusters.Single(c => c.ClusterName == "prod-web");
        for (var i = 0; i < services; i++)
        {
            d.EcsServices.Add(new EcsService(a, "us-east-1", $"arn:aws:ecs:us-east-1:{a}:service/prod-web/extra-{i:00}", $"extra-{i:00}",
                web.ClusterArn, "ACTIVE", "FARGATE", 1, 1, [], new Dictionary<string, string> { ["n"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        }

        return d;
    }

    public static SampleDataset WithManyFunctions(this SampleDataset d, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var name = $"eu-extra-{i:00}";
            d.LambdaFunctions.Add(new LambdaFunction(d.AccountId, "eu-west-1", name, $"arn:aws:lambda:eu-west-1:{d.AccountId}:function:{name}",
                "python3.12", 128 * (i + 1), 30, [i % 2 == 0 ? "arm64" : "x86_64"], "Zip", 1000 + i, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        }

        return d;
    }

    public static SampleDataset WithManyBuckets(this SampleDataset d, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var name = $"acme-extra-{i:00}";
            var region = i % 2 == 0 ? "us-east-1" : "eu-west-1";
            d.S3Buckets.Add(new S3Bucket(d.AccountId, name, region, new DateTimeOffset(2025, 6, 1, 9, 30, 0, TimeSpan.Zero), []));
            d.BucketWire[name] = new SampleBucketWire(region == "us-east-1" ? null : region);
        }

        return d;
    }
}
