using System.Text.Json;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Collectors.S3;

/// <summary>The S3 collector (through AWSSDK.S3) against moto: buckets in two regions, with and without lifecycle rules.</summary>
public sealed class S3BucketsCollectorMotoTests(MotoServer moto) : IClassFixture<MotoServer>
{
    /// <summary>Prints boto3's view: each bucket's LocationConstraint and lifecycle rules (none where S3 says NoSuchLifecycleConfiguration).</summary>
    private const string SeedScript = """
        import boto3, json
        from botocore.exceptions import ClientError
        us = boto3.client("s3", region_name="us-east-1")
        eu = boto3.client("s3", region_name="eu-west-1")
        us.create_bucket(Bucket="logs-us")
        us.create_bucket(Bucket="artifacts-us")
        us.create_bucket(Bucket="legacy-eu", CreateBucketConfiguration={"LocationConstraint": "EU"})
        eu.create_bucket(Bucket="media-eu", CreateBucketConfiguration={"LocationConstraint": "eu-west-1"})
        us.put_bucket_lifecycle_configuration(Bucket="logs-us", LifecycleConfiguration={"Rules": [
            {"ID": "expire", "Status": "Enabled", "Filter": {"Prefix": "logs/"}, "Expiration": {"Days": 90},
             "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 7}},
            {"ID": "archive", "Status": "Disabled", "Filter": {"Prefix": ""}, "Transitions": [{"Days": 30, "StorageClass": "GLACIER"}]}]})
        us.put_bucket_lifecycle_configuration(Bucket="legacy-eu", LifecycleConfiguration={"Rules": [
            {"ID": "ia", "Status": "Enabled", "Filter": {"Prefix": ""}, "Transitions": [{"Days": 45, "StorageClass": "STANDARD_IA"}],
             "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 2}}]})
        out = []
        for b in us.list_buckets()["Buckets"]:
            try:
                rules = us.get_bucket_lifecycle_configuration(Bucket=b["Name"])["Rules"]
            except ClientError as e:
                if e.response["Error"]["Code"] != "NoSuchLifecycleConfiguration": raise
                rules = []
            out.append({"Name": b["Name"], "CreationDate": b["CreationDate"].timestamp(),
                        "LocationConstraint": us.get_bucket_location(Bucket=b["Name"])["LocationConstraint"], "Rules": rules})
        print(json.dumps(out, default=str))
        """;

    [MotoFact]
    public async Task Should_Return_Exactly_The_Seeded_Buckets_With_Regions_And_Lifecycle_Rules()
    {
        // Given moto with buckets in both regions (one with the legacy "EU" constraint) and lifecycle rules on two
        var seeded = JsonDocument.Parse(moto.RunPython(SeedScript)).RootElement;

        // When the S3 collector runs
        var (inventory, outcomes, _) = await MotoCollectorRun.RunAsync(moto, ["s3.buckets"], ["us-east-1", "eu-west-1"]);

        // Then each bucket has boto3's region and rules; no configuration reads as no rules
        Assert.Equal(CollectorStatus.Ok, Assert.Single(outcomes).Status);
        var expected = seeded.EnumerateArray().Select(b => new S3Bucket(
            MotoCollectorRun.DefaultAccount,
            b.GetProperty("Name").GetString()!,
            b.GetProperty("LocationConstraint").GetString() switch { null or "" => "us-east-1", "EU" => "eu-west-1", var c => c },
            DateTimeOffset.FromUnixTimeMilliseconds((long)Math.Round(b.GetProperty("CreationDate").GetDouble() * 1000)),
            [.. b.GetProperty("Rules").EnumerateArray().Select(r => new S3LifecycleRule(
                r.GetProperty("ID").GetString(), r.GetProperty("Status").GetString()!, r.TryGetProperty("Expiration", out _),
                r.TryGetProperty("Transitions", out var t) && t.GetArrayLength() > 0,
                r.TryGetProperty("AbortIncompleteMultipartUpload", out var a) ? a.GetProperty("DaysAfterInitiation").GetInt32() : null))]))
            .OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(4, expected.Count);
        Assert.Equal(expected.Select(Describe), inventory.S3Buckets.Select(Describe));
        Assert.Equal("eu-west-1", inventory.S3Buckets.Single(b => b.Name == "legacy-eu").Region);
        Assert.Equal(7, inventory.S3Buckets.Single(b => b.Name == "logs-us").LifecycleRules!.Single(r => r.Status == "Enabled").AbortIncompleteMultipartUploadDays);
    }

    private static string Describe(S3Bucket b) =>
        $"{b.Name}|{b.Region}|{b.CreationDate?.ToUnixTimeSeconds()}|" +
        string.Join(';', b.LifecycleRules!.Select(r => $"{r.Id},{r.Status},{r.HasExpiration},{r.HasTransitions},{r.AbortIncompleteMultipartUploadDays}"));
}
