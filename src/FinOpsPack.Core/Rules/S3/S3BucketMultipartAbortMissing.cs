using System.Globalization;

namespace FinOpsPack.Core.Rules.S3;

public sealed class S3BucketMultipartAbortMissing : ICheck
{
    public CheckMetadata Metadata { get; } = new(
        Id: "s3_bucket_multipart_abort_missing",
        Title: "S3 bucket with lifecycle rules but none aborting incomplete multipart uploads",
        Service: "s3",
        ResourceType: "AWS::S3::Bucket",
        Category: CheckCategory.Waste,
        Severity: Severity.Low,
        Description: "Parts of multipart uploads that never completed are billed as storage but do not appear in object listings; only an AbortIncompleteMultipartUpload rule removes them.",
        RequiredEvidence: [EvidenceNames.S3Buckets],
        SavingsMethod: "Unknown: the size of incomplete uploads is not visible to the scan (S3 Storage Lens shows it).",
        Remediation: "Add AbortIncompleteMultipartUpload (e.g. DaysAfterInitiation 7) to an enabled lifecycle rule covering the whole bucket.");

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        foreach (var bucket in context.Inventory.S3Buckets)
        {
            // Buckets without any enabled rule are reported by s3_bucket_no_lifecycle_rules, whose remediation includes the abort rule.
            if (bucket.LifecycleRules is not { } rules || !rules.Any(r => r.Status == "Enabled"))
            {
                continue;
            }

            if (rules.Any(r => r.Status == "Enabled" && r.AbortIncompleteMultipartUploadDays is not null))
            {
                continue;
            }

            yield return Metadata.CreateFinding(
                new FindingTarget(bucket.AccountId, bucket.Region, bucket.Name, "arn:" + Arns.Partition(bucket.Region) + ":s3:::" + bucket.Name, bucket.Name),
                "Add an AbortIncompleteMultipartUpload rule",
                $"Bucket {bucket.Name} never cleans up incomplete multipart uploads",
                Savings.Unknown("the size of incomplete multipart uploads is not visible to the scan"),
                new Dictionary<string, string>
                {
                    ["enabled_rules"] = rules.Count(r => r.Status == "Enabled").ToString(CultureInfo.InvariantCulture),
                    ["abort_incomplete_multipart_upload"] = "none",
                });
        }
    }
}
