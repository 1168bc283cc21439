namespace FinOpsPack.Core.Aws.Services.S3;

/// <param name="BucketRegion">Returned by ListBuckets when the request carries a parameter (we send MaxBuckets); null otherwise.</param>
public sealed record S3BucketEntry(string Name, DateTimeOffset? CreationDate, string? BucketRegion);

/// <param name="AbortIncompleteMultipartUploadDays">DaysAfterInitiation of the rule's AbortIncompleteMultipartUpload, if any.</param>
public sealed record S3LifecycleRuleEntry(
    string? Id, string Status, bool HasExpiration, bool HasTransitions, int? AbortIncompleteMultipartUploadDays);
