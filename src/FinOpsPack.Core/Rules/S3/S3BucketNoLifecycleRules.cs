using System.Globalization;

namespace FinOpsPack.Core.Rules.S3;

public sealed class S3BucketNoLifecycleRules : ICheck
{
    public CheckMetadata Metadata { get; } = new(
        Id: "s3_bucket_no_lifecycle_rules",
        Title: "S3 bucket without an enabled lifecycle rule",
        Service: "s3",
        ResourceType: "AWS::S3::Bucket",
        Category: CheckCategory.Waste,
        Severity: Severity.Low,
        Description: "Without lifecycle rules, objects stay in their storage class forever, old versions are never expired and incomplete multipart uploads are never cleaned up.",
        RequiredEvidence: [EvidenceNames.S3Buckets],
        SavingsMethod: "Unknown: it depends on the bucket's size per storage class and access pattern, which the scan does not read (S3 Storage Lens / Storage Class Analysis show it).",
        Remediation: "Add lifecycle rules: abort incomplete multipart uploads after 7 days, expire noncurrent versions, and transition cold data (or use Intelligent-Tiering).");

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        foreach (var bucket in context.Inventory.S3Buckets)
        {
            if (bucket.LifecycleRules is not { } rules)
            {
                context.EvidenceIncomplete(bucket.Region, bucket.Name, "lifecycle configuration could not be read");
                continue;
            }

            if (rules.Any(r => r.Status == "Enabled"))
            {
                continue;
            }

            yield return Metadata.CreateFinding(
                new FindingTarget(bucket.AccountId, bucket.Region, bucket.Name, "arn:" + Arns.Partition(bucket.Region) + ":s3:::" + bucket.Name, bucket.Name),
                "Add lifecycle rules",
                rules.Count == 0 ? $"Bucket {bucket.Name} has no lifecycle configuration" : $"Bucket {bucket.Name} has only disabled lifecycle rules",
                Savings.Unknown("depends on the bucket's size per storage class and access pattern, which the scan does not read"),
                new Dictionary<string, string>
                {
                    ["lifecycle_rules"] = rules.Count.ToString(CultureInfo.InvariantCulture),
                    ["enabled_rules"] = "0",
                });
        }
    }
}
