namespace FinOpsPack.Core.Aws.Services.Ec2;

using Tags = IReadOnlyDictionary<string, string>;

// Wire records of the EC2 operations we call: AWS member names in PascalCase (as botocore names them), only the members
// we read. Strings are kept as sent (an empty element is "", a missing one null), so they compare with botocore's output.

/// <summary>One <c>Filter.N</c>: <c>Filter.N.Name</c> and its values <c>Filter.N.Value.M</c> (EC2 wildcards allowed).</summary>
public sealed record Ec2Filter(string Name, IReadOnlyList<string> Values)
{
    public Ec2Filter(string name, params string[] values)
        : this(name, (IReadOnlyList<string>)values)
    {
    }
}

public sealed record Region(string RegionName, string? Endpoint, string? OptInStatus);

public sealed record Reservation(string? ReservationId, string? OwnerId, IReadOnlyList<Instance> Instances);

public sealed record InstanceState(int? Code, string Name);

public sealed record InstanceBlockDeviceMapping(string? DeviceName, string? VolumeId, string? Status, DateTimeOffset? AttachTime);

public sealed record Instance(
    string InstanceId,
    string? ImageId,
    InstanceState State,
    string InstanceType,
    DateTimeOffset? LaunchTime,
    string? StateTransitionReason,
    string? AvailabilityZone,
    string? Platform,
    string? PlatformDetails,
    string? Architecture,
    string? InstanceLifecycle,
    string? VpcId,
    string? SubnetId,
    IReadOnlyList<InstanceBlockDeviceMapping> BlockDeviceMappings,
    Tags Tags);

public sealed record VolumeAttachment(string? VolumeId, string? InstanceId, string? Device, string? State, DateTimeOffset? AttachTime);

public sealed record Volume(
    string VolumeId,
    int Size,
    string VolumeType,
    string State,
    DateTimeOffset? CreateTime,
    string? AvailabilityZone,
    string? SnapshotId,
    int? Iops,
    int? Throughput,
    bool? Encrypted,
    IReadOnlyList<VolumeAttachment> Attachments,
    Tags Tags);

public sealed record Snapshot(
    string SnapshotId,
    string? VolumeId,
    int VolumeSize,
    DateTimeOffset? StartTime,
    string State,
    string? OwnerId,
    string? Description,
    string? StorageTier,
    bool? Encrypted,
    long? FullSnapshotSizeInBytes,
    Tags Tags);

public sealed record Address(
    string PublicIp,
    string? AllocationId,
    string? AssociationId,
    string Domain,
    string? InstanceId,
    string? NetworkInterfaceId,
    string? PrivateIpAddress,
    Tags Tags);

public sealed record NatGatewayAddress(string? AllocationId, string? PublicIp, string? PrivateIp, string? NetworkInterfaceId);

public sealed record NatGateway(
    string NatGatewayId,
    string State,
    string? VpcId,
    string? SubnetId,
    DateTimeOffset? CreateTime,
    string? ConnectivityType,
    IReadOnlyList<NatGatewayAddress> NatGatewayAddresses,
    Tags Tags);

public sealed record ImageBlockDeviceMapping(string? DeviceName, string? SnapshotId, int? VolumeSize, string? VolumeType);

/// <param name="CreationDate">As sent: the model types it as a string (ISO 8601), not a timestamp.</param>
/// <param name="LastLaunchedTime">As sent: a string in the model too; absent for images never launched.</param>
public sealed record Image(
    string ImageId,
    string? Name,
    string? CreationDate,
    string State,
    string? OwnerId,
    bool? Public,
    string? LastLaunchedTime,
    IReadOnlyList<ImageBlockDeviceMapping> BlockDeviceMappings,
    Tags Tags);
