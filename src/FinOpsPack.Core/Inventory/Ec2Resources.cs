namespace FinOpsPack.Core.Inventory;

using Tags = IReadOnlyDictionary<string, string>;

public sealed record AwsRegionInfo(string RegionName, string OptInStatus);

/// <param name="StoppedSince">When a stopped instance stopped, parsed from its state-transition reason; null if unknown or running.</param>
public sealed record Ec2Instance(
    string AccountId, string Region, string InstanceId, string InstanceType, string State,
    DateTimeOffset? LaunchTime, DateTimeOffset? StoppedSince, string? PlatformDetails, string? Architecture,
    string? AvailabilityZone, string? Lifecycle, string? ImageId, IReadOnlyList<string> VolumeIds, Tags Tags);

public sealed record EbsVolume(
    string AccountId, string Region, string VolumeId, string VolumeType, int SizeGiB, int? Iops, int? Throughput,
    string State, DateTimeOffset? CreateTime, string? AvailabilityZone, string? SnapshotId,
    IReadOnlyList<string> AttachedInstanceIds, bool Encrypted, Tags Tags);

public sealed record EbsSnapshot(
    string AccountId, string Region, string SnapshotId, string? VolumeId, int VolumeSizeGiB, DateTimeOffset? StartTime,
    string State, string? StorageTier, string? Description, long? FullSnapshotSizeBytes, Tags Tags);

public sealed record ElasticIp(
    string AccountId, string Region, string AllocationId, string PublicIp, string? AssociationId, string? InstanceId,
    string? NetworkInterfaceId, string Domain, Tags Tags);

public sealed record NatGateway(
    string AccountId, string Region, string NatGatewayId, string State, string? VpcId, string? SubnetId,
    string? ConnectivityType, DateTimeOffset? CreateTime, Tags Tags);

public sealed record MachineImage(
    string AccountId, string Region, string ImageId, string? Name, DateTimeOffset? CreationDate, string State,
    IReadOnlyList<string> SnapshotIds, DateTimeOffset? LastLaunchedTime, Tags Tags);
