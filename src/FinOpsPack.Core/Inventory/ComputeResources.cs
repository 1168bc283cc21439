namespace FinOpsPack.Core.Inventory;

using Tags = IReadOnlyDictionary<string, string>;

public sealed record EcsCluster(
    string AccountId, string Region, string ClusterArn, string ClusterName, string Status, int RunningTasksCount,
    int ActiveServicesCount, Tags Tags);

public sealed record EcsService(
    string AccountId, string Region, string ServiceArn, string ServiceName, string ClusterArn, string Status,
    string? LaunchType, int DesiredCount, int RunningCount, IReadOnlyList<string> CapacityProviders, Tags Tags);

/// <summary>A Lambda function. Environment variables are never read into the model (ListFunctions returns them in plain text).</summary>
public sealed record LambdaFunction(
    string AccountId, string Region, string FunctionName, string FunctionArn, string? Runtime, int MemorySizeMb,
    int TimeoutSeconds, IReadOnlyList<string> Architectures, string PackageType, long CodeSizeBytes, DateTimeOffset? LastModified);

/// <param name="LifecycleRules">Null when the lifecycle configuration could not be read (then the bucket is not judged).</param>
public sealed record S3Bucket(
    string AccountId, string Name, string Region, DateTimeOffset? CreationDate, IReadOnlyList<S3LifecycleRule>? LifecycleRules);

/// <param name="AbortIncompleteMultipartUploadDays">DaysAfterInitiation of the rule's AbortIncompleteMultipartUpload, if any.</param>
public sealed record S3LifecycleRule(string? Id, string Status, bool HasExpiration, bool HasTransitions, int? AbortIncompleteMultipartUploadDays);
