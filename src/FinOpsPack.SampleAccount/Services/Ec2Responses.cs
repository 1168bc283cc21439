using System.Globalization;
using System.Xml.Linq;
using FinOpsPack.Core.Inventory;
using FinOpsPack.SampleAccount.Dataset;

namespace FinOpsPack.SampleAccount.Services;

/// <summary>
/// The sample account's resources as EC2 writes them: lower-camel element names, <c>xxxSet/item</c> lists, timestamps
/// with milliseconds, optional members left out rather than sent empty (except where EC2 sends them empty).
/// </summary>
internal static class Ec2Responses
{
    public static readonly XNamespace Ns = "http://ec2.amazonaws.com/doc/2016-11-15/";

    private static readonly Dictionary<string, int> StateCodes = new(StringComparer.Ordinal)
    {
        ["pending"] = 0, ["running"] = 16, ["shutting-down"] = 32, ["terminated"] = 48, ["stopping"] = 64, ["stopped"] = 80,
    };

    public static string Document(string operation, string requestId, params object?[] content) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + new XElement(Ns + (operation + "Response"), E("requestId", requestId), content).ToString();

    /// <summary>EC2's error body: no namespace, <c>Errors/Error</c>, and <c>RequestID</c> spelled so.</summary>
    public static string Error(string code, string message, string requestId) =>
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + new XElement("Response",
            new XElement("Errors", new XElement("Error", new XElement("Code", code), new XElement("Message", message))),
            new XElement("RequestID", requestId)).ToString();

    public static XElement E(string name, params object?[] content) => new(Ns + name, content);

    public static XElement Set(string name, IEnumerable<XElement> items) => E(name, items);

    public static XElement Item(params object?[] content) => E("item", content);

    public static string Time(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static XElement? Opt(string name, object? value) => value is null ? null : E(name, value);

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>EC2 leaves <c>tagSet</c> out when a resource has no tags.</summary>
    private static XElement? TagSet(IReadOnlyDictionary<string, string> tags) =>
        tags.Count == 0 ? null : Set("tagSet", tags.Select(t => Item(E("key", t.Key), E("value", t.Value))));

    public static XElement Region(AwsRegionInfo region) =>
        Item(E("regionName", region.RegionName), E("regionEndpoint", $"ec2.{region.RegionName}.amazonaws.com"), E("optInStatus", region.OptInStatus));

    public static XElement Reservation(SampleDataset data, string reservationId, IEnumerable<Ec2Instance> instances) =>
        Item(
            E("reservationId", reservationId),
            E("ownerId", data.AccountId),
            E("groupSet"),
            Set("instancesSet", instances.Select(i => Instance(data, i))));

    public static XElement Instance(SampleDataset data, Ec2Instance i)
    {
        var windows = i.PlatformDetails?.StartsWith("Windows", StringComparison.Ordinal) == true;
        var rootDevice = windows ? "/dev/sda1" : "/dev/xvda";
        var privateIp = PrivateIp(i.Region, i.AvailabilityZone, data.Ec2Instances.IndexOf(i));
        var eni = SampleDataset.Ec2NetworkInterfaceOf(i.InstanceId);
        var subnet = i.AvailabilityZone is { } az ? data.Ec2SubnetIds[az] : null;
        var publicIp = data.ElasticIps.FirstOrDefault(a => a.InstanceId == i.InstanceId)?.PublicIp;
        var stopped = i.State == "stopped";
        return Item(
            E("instanceId", i.InstanceId),
            E("imageId", i.ImageId),
            E("instanceState", E("code", StateCodes[i.State]), E("name", i.State)),
            E("privateDnsName", $"ip-{privateIp.Replace('.', '-')}.ec2.internal"),
            E("dnsName", publicIp is null || stopped ? "" : $"ec2-{publicIp.Replace('.', '-')}.compute-1.amazonaws.com"),
            E("reason", i.StoppedSince is { } since
                ? $"User initiated ({since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)} GMT)"
                : ""),
            E("amiLaunchIndex", 0),
            E("productCodes"),
            E("instanceType", i.InstanceType),
            Opt("launchTime", i.LaunchTime is { } l ? Time(l) : null),
            E("placement", E("availabilityZone", i.AvailabilityZone), E("groupName"), E("tenancy", "default")),
            windows ? E("platform", "windows") : null,
            E("monitoring", E("state", "disabled")),
            Opt("subnetId", subnet),
            E("vpcId", data.Ec2VpcIds[i.Region]),
            E("privateIpAddress", privateIp),
            stopped ? null : Opt("ipAddress", publicIp),
            E("sourceDestCheck", "true"),
            Set("groupSet", [Item(E("groupId", "sg-" + i.InstanceId[2..]), E("groupName", "default"))]),
            stopped ? E("stateReason", E("code", "Client.UserInitiatedShutdown"), E("message", "Client.UserInitiatedShutdown: User initiated shutdown")) : null,
            E("architecture", i.Architecture),
            E("rootDeviceType", "ebs"),
            E("rootDeviceName", rootDevice),
            Set("blockDeviceMapping", i.VolumeIds.Select((v, n) => Item(
                E("deviceName", DeviceName(rootDevice, n)),
                E("ebs", E("volumeId", v), E("status", "attached"), Opt("attachTime", i.LaunchTime is { } t ? Time(t) : null),
                    E("deleteOnTermination", Bool(n == 0)))))),
            Opt("instanceLifecycle", i.Lifecycle),
            i.Lifecycle == "spot" ? E("spotInstanceRequestId", "sir-" + i.InstanceId[^8..]) : null,
            E("virtualizationType", "hvm"),
            E("clientToken", ""),
            TagSet(i.Tags),
            E("hypervisor", "xen"),
            Set("networkInterfaceSet", [Item(E("networkInterfaceId", eni), Opt("subnetId", subnet), E("vpcId", data.Ec2VpcIds[i.Region]),
                E("ownerId", data.AccountId), E("status", "in-use"), E("privateIpAddress", privateIp))]),
            E("ebsOptimized", "true"),
            E("enaSupport", "true"),
            Opt("platformDetails", i.PlatformDetails),
            E("usageOperation", windows ? "RunInstances:0002" : "RunInstances"),
            Opt("usageOperationUpdateTime", i.LaunchTime is { } u ? Time(u) : null));
    }

    public static XElement Volume(SampleDataset data, EbsVolume v)
    {
        var attachments = v.AttachedInstanceIds.Select(id => data.Ec2Instances.Single(i => i.InstanceId == id)).Select(i =>
        {
            var root = i.PlatformDetails?.StartsWith("Windows", StringComparison.Ordinal) == true ? "/dev/sda1" : "/dev/xvda";
            var n = i.VolumeIds.ToList().IndexOf(v.VolumeId);
            return Item(E("volumeId", v.VolumeId), E("instanceId", i.InstanceId), E("device", DeviceName(root, n)), E("status", "attached"),
                Opt("attachTime", i.LaunchTime is { } t ? Time(t) : null), E("deleteOnTermination", Bool(n == 0)));
        });
        return Item(
            E("volumeId", v.VolumeId),
            E("size", v.SizeGiB),
            E("snapshotId", v.SnapshotId ?? ""),
            E("availabilityZone", v.AvailabilityZone),
            E("status", v.State),
            Opt("createTime", v.CreateTime is { } c ? Time(c) : null),
            Set("attachmentSet", attachments),
            TagSet(v.Tags),
            E("volumeType", v.VolumeType),
            Opt("iops", v.Iops),
            E("encrypted", Bool(v.Encrypted)),
            Opt("throughput", v.Throughput),
            E("multiAttachEnabled", "false"));
    }

    public static XElement Snapshot(SampleDataset data, EbsSnapshot s) =>
        Item(
            E("snapshotId", s.SnapshotId),
            E("volumeId", s.VolumeId ?? "vol-ffffffff"),
            E("status", s.State),
            Opt("startTime", s.StartTime is { } t ? Time(t) : null),
            E("progress", s.State == "completed" ? "100%" : "0%"),
            E("ownerId", data.AccountId),
            E("volumeSize", s.VolumeSizeGiB),
            E("description", s.Description ?? ""),
            E("encrypted", Bool(s.Region == "eu-west-1")),
            Opt("storageTier", s.StorageTier),
            Opt("fullSnapshotSizeInBytes", s.FullSnapshotSizeBytes),
            TagSet(s.Tags));

    public static XElement Address(SampleDataset data, ElasticIp a)
    {
        var nat = a.NetworkInterfaceId is { } eni && a.InstanceId is null
            ? data.NatGateways.FirstOrDefault(n => SampleDataset.Ec2NetworkInterfaceOf(n.NatGatewayId) == eni)
            : null;
        return Item(
            E("publicIp", a.PublicIp),
            E("allocationId", a.AllocationId),
            E("domain", a.Domain),
            Opt("instanceId", a.InstanceId),
            Opt("associationId", a.AssociationId),
            Opt("networkInterfaceId", a.NetworkInterfaceId),
            a.NetworkInterfaceId is null ? null : E("networkInterfaceOwnerId", data.AccountId),
            a.NetworkInterfaceId is null ? null : E("privateIpAddress", AddressPrivateIp(data, a, nat)),
            TagSet(a.Tags),
            E("publicIpv4Pool", "amazon"),
            E("networkBorderGroup", a.Region));
    }

    public static XElement NatGateway(SampleDataset data, NatGateway n)
    {
        var eni = SampleDataset.Ec2NetworkInterfaceOf(n.NatGatewayId);
        var address = data.ElasticIps.FirstOrDefault(a => a.NetworkInterfaceId == eni);
        return Item(
            Opt("createTime", n.CreateTime is { } c ? Time(c) : null),
            Set("natGatewayAddressSet", [Item(
                Opt("allocationId", address?.AllocationId),
                E("networkInterfaceId", eni),
                E("privateIp", NatPrivateIp(data, n)),
                Opt("publicIp", address?.PublicIp),
                Opt("associationId", address?.AssociationId),
                E("isPrimary", "true"),
                E("status", "succeeded"))]),
            E("natGatewayId", n.NatGatewayId),
            E("state", n.State),
            Opt("subnetId", n.SubnetId),
            Opt("vpcId", n.VpcId),
            TagSet(n.Tags),
            Opt("connectivityType", n.ConnectivityType));
    }

    public static XElement Image(SampleDataset data, MachineImage m)
    {
        var windows = data.Ec2Instances.Any(i => i.ImageId == m.ImageId && i.PlatformDetails?.StartsWith("Windows", StringComparison.Ordinal) == true);
        var root = windows ? "/dev/sda1" : "/dev/xvda";
        return Item(
            E("imageId", m.ImageId),
            E("imageLocation", $"{data.AccountId}/{m.Name}"),
            E("imageState", m.State),
            E("imageOwnerId", data.AccountId),
            Opt("creationDate", m.CreationDate is { } c ? Time(c) : null),
            E("isPublic", "false"),
            E("architecture", "x86_64"),
            E("imageType", "machine"),
            Opt("name", m.Name),
            E("rootDeviceType", "ebs"),
            E("rootDeviceName", root),
            Set("blockDeviceMapping", m.SnapshotIds.Select((s, n) => Item(
                E("deviceName", DeviceName(root, n)),
                E("ebs", E("snapshotId", s), Opt("volumeSize", data.EbsSnapshots.FirstOrDefault(x => x.SnapshotId == s)?.VolumeSizeGiB),
                    E("deleteOnTermination", "true"), E("volumeType", "gp3"), E("encrypted", "false"))))),
            E("virtualizationType", "hvm"),
            TagSet(m.Tags),
            E("hypervisor", "xen"),
            windows ? E("platform", "windows") : null,
            E("platformDetails", windows ? "Windows" : "Linux/UNIX"),
            E("usageOperation", windows ? "RunInstances:0002" : "RunInstances"),
            Opt("lastLaunchedTime", m.LastLaunchedTime is { } l ? Time(l) : null));
    }

    /// <summary>Root device first, then <c>/dev/sdf</c>, <c>/dev/sdg</c>… as the console suggests for data volumes.</summary>
    private static string DeviceName(string root, int index) => index == 0 ? root : "/dev/sd" + (char)('f' + index - 1);

    /// <summary>10.{region}.{zone}.{host}: each region's VPC is a /16, each zone's subnet a /24.</summary>
    private static string PrivateIp(string region, string? zone, int host) =>
        $"10.{(region == "us-east-1" ? 0 : 1)}.{(zone?.EndsWith('b') == true ? 2 : 1)}.{10 + host}";

    private static string NatPrivateIp(SampleDataset data, NatGateway n) =>
        PrivateIp(n.Region, data.Ec2SubnetIds.FirstOrDefault(s => s.Value == n.SubnetId).Key, 200 + data.NatGateways.IndexOf(n));

    private static string AddressPrivateIp(SampleDataset data, ElasticIp a, NatGateway? nat) =>
        nat is not null
            ? NatPrivateIp(data, nat)
            : data.Ec2Instances.FirstOrDefault(i => i.InstanceId == a.InstanceId) is { } i
                ? PrivateIp(i.Region, i.AvailabilityZone, data.Ec2Instances.IndexOf(i))
                : "10.0.0.250";
}
