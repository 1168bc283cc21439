using System.Xml.Linq;
using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Aws.Services.Ec2;

/// <summary>
/// The EC2 operations FinOps Pack reads, over the EC2 query protocol. Responses have no result wrapper: the root is
/// <c>&lt;OpResponse&gt;</c> and every list is <c>&lt;xxxSet&gt;&lt;item&gt;</c>. Error bodies are the transport's business.
/// </summary>
public sealed class Ec2Client(IAwsTransport transport, string region)
{
    // Largest MaxResults each operation accepts (aws-wire.md §3.5); DescribeImages has no documented bound, 1000 is EC2's usual.
    public const int InstancesPageLimit = 1000;
    public const int VolumesPageLimit = 500;
    public const int SnapshotsPageLimit = 1000;
    public const int NatGatewaysPageLimit = 1000;
    public const int ImagesPageLimit = 1000;

    public string Region { get; } = region;

    /// <summary>MaxResults to ask for; null asks for each operation's largest page (fewest calls).</summary>
    public int? PageSize { get; init; }

    /// <summary>Every region of the partition, with its opt-in status (<c>AllRegions=true</c>).</summary>
    public Task<IReadOnlyList<Region>> DescribeRegionsAsync(CancellationToken ct) =>
        CallAsync(
            new QueryForm(AwsService.Ec2, "DescribeRegions").Add("AllRegions", true),
            root => (IReadOnlyList<Region>)[.. root.Items("regionInfo").Select(ParseRegion)],
            ct);

    public IAsyncEnumerable<Reservation> DescribeInstancesAsync(IReadOnlyList<Ec2Filter> filters, CancellationToken ct) =>
        PaginateAsync("DescribeInstances", InstancesPageLimit, f => f.AddFilters(filters), r => r.Items("reservationSet").Select(ParseReservation), ct);

    public IAsyncEnumerable<Volume> DescribeVolumesAsync(IReadOnlyList<Ec2Filter> filters, CancellationToken ct) =>
        PaginateAsync("DescribeVolumes", VolumesPageLimit, f => f.AddFilters(filters), r => r.Items("volumeSet").Select(ParseVolume), ct);

    /// <summary>The account's own snapshots: <c>Owner.1=self</c> always, else public and shared snapshots come too.</summary>
    public IAsyncEnumerable<Snapshot> DescribeSnapshotsAsync(IReadOnlyList<Ec2Filter> filters, CancellationToken ct) =>
        PaginateAsync("DescribeSnapshots", SnapshotsPageLimit, f => f.AddList("Owner", ["self"]).AddFilters(filters),
            r => r.Items("snapshotSet").Select(ParseSnapshot), ct);

    /// <summary>Not paginated: one call returns every address of the region.</summary>
    public Task<IReadOnlyList<Address>> DescribeAddressesAsync(IReadOnlyList<Ec2Filter> filters, CancellationToken ct) =>
        CallAsync(
            new QueryForm(AwsService.Ec2, "DescribeAddresses").AddFilters(filters),
            root => (IReadOnlyList<Address>)[.. root.Items("addressesSet").Select(ParseAddress)],
            ct);

    public IAsyncEnumerable<NatGateway> DescribeNatGatewaysAsync(IReadOnlyList<Ec2Filter> filters, CancellationToken ct) =>
        PaginateAsync("DescribeNatGateways", NatGatewaysPageLimit, f => f.AddFilters(filters), r => r.Items("natGatewaySet").Select(ParseNatGateway), ct);

    /// <summary>The account's own images (<c>Owner.1=self</c>), not the public catalogue.</summary>
    public IAsyncEnumerable<Image> DescribeImagesAsync(IReadOnlyList<Ec2Filter> filters, CancellationToken ct) =>
        PaginateAsync("DescribeImages", ImagesPageLimit, f => f.AddList("Owner", ["self"]).AddFilters(filters),
            r => r.Items("imagesSet").Select(ParseImage), ct);

    private sealed record Page<T>(IReadOnlyList<T> Items, string? NextToken);

    private IAsyncEnumerable<T> PaginateAsync<T>(
        string operation, int pageLimit, Action<QueryForm> input, Func<XElement, IEnumerable<T>> items, CancellationToken ct) =>
        Paginator.PaginateAsync<Page<T>, T>(
            (token, c) =>
            {
                var form = new QueryForm(AwsService.Ec2, operation);
                input(form);
                form.Add("MaxResults", PageSize ?? pageLimit).Add("NextToken", token);
                return CallAsync(form, root => new Page<T>([.. items(root)], root.Text("nextToken")), c);
            },
            page => page.NextToken,
            page => page.Items,
            ct);

    private async Task<T> CallAsync<T>(QueryForm form, Func<XElement, T> parse, CancellationToken ct)
    {
        var request = form.ToRequest(Region);
        var response = await transport.SendAsync(request, ct).ConfigureAwait(false);
        var root = AwsXml.Parse(response, request);
        try
        {
            if (root.Name.LocalName != request.Operation + "Response")
            {
                throw new FormatException($"expected <{request.Operation}Response>, got <{root.Name.LocalName}>");
            }

            return parse(root);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw AwsJson.Malformed(request, response, e);
        }
    }

    private static string Required(XElement e, string localName) =>
        e.Text(localName) is { Length: > 0 } value ? value : throw new FormatException($"<{e.Name.LocalName}> has no <{localName}>");

    private static Region ParseRegion(XElement e) =>
        new(Required(e, "regionName"), e.Text("regionEndpoint"), e.Text("optInStatus"));

    private static Reservation ParseReservation(XElement e) =>
        new(e.Text("reservationId"), e.Text("ownerId"), [.. e.Items("instancesSet").Select(ParseInstance)]);

    private static Instance ParseInstance(XElement e)
    {
        var state = e.Child("instanceState") ?? throw new FormatException("<item> has no <instanceState>");
        var placement = e.Child("placement");
        return new Instance(
            Required(e, "instanceId"),
            e.Text("imageId"),
            new InstanceState(state.Int("code"), Required(state, "name")),
            Required(e, "instanceType"),
            e.Time("launchTime"),
            e.Text("reason"),
            placement.Text("availabilityZone"),
            e.Text("platform"),
            e.Text("platformDetails"),
            e.Text("architecture"),
            e.Text("instanceLifecycle"),
            e.Text("vpcId"),
            e.Text("subnetId"),
            [.. e.Items("blockDeviceMapping").Select(m => new InstanceBlockDeviceMapping(
                m.Text("deviceName"), m.Child("ebs").Text("volumeId"), m.Child("ebs").Text("status"), m.Child("ebs").Time("attachTime")))],
            e.Ec2Tags());
    }

    private static Volume ParseVolume(XElement e) =>
        new(
            Required(e, "volumeId"),
            e.Int("size") ?? throw new FormatException("volume has no <size>"),
            Required(e, "volumeType"),
            Required(e, "status"),
            e.Time("createTime"),
            e.Text("availabilityZone"),
            e.Text("snapshotId"),
            e.Int("iops"),
            e.Int("throughput"),
            e.Bool("encrypted"),
            [.. e.Items("attachmentSet").Select(a => new VolumeAttachment(
                a.Text("volumeId"), a.Text("instanceId"), a.Text("device"), a.Text("status"), a.Time("attachTime")))],
            e.Ec2Tags());

    private static Snapshot ParseSnapshot(XElement e) =>
        new(
            Required(e, "snapshotId"),
            e.Text("volumeId"),
            e.Int("volumeSize") ?? throw new FormatException("snapshot has no <volumeSize>"),
            e.Time("startTime"),
            Required(e, "status"),
            e.Text("ownerId"),
            e.Text("description"),
            e.Text("storageTier"),
            e.Bool("encrypted"),
            e.Long("fullSnapshotSizeInBytes"),
            e.Ec2Tags());

    private static Address ParseAddress(XElement e) =>
        new(
            Required(e, "publicIp"),
            e.Text("allocationId"),
            e.Text("associationId"),
            Required(e, "domain"),
            e.Text("instanceId"),
            e.Text("networkInterfaceId"),
            e.Text("privateIpAddress"),
            e.Ec2Tags());

    private static NatGateway ParseNatGateway(XElement e) =>
        new(
            Required(e, "natGatewayId"),
            Required(e, "state"),
            e.Text("vpcId"),
            e.Text("subnetId"),
            e.Time("createTime"),
            e.Text("connectivityType"),
            [.. e.Items("natGatewayAddressSet").Select(a => new NatGatewayAddress(
                a.Text("allocationId"), a.Text("publicIp"), a.Text("privateIp"), a.Text("networkInterfaceId")))],
            e.Ec2Tags());

    private static Image ParseImage(XElement e) =>
        new(
            Required(e, "imageId"),
            e.Text("name"),
            e.Text("creationDate"),
            Required(e, "imageState"),
            e.Text("imageOwnerId"),
            e.Bool("isPublic"),
            e.Text("lastLaunchedTime"),
            [.. e.Items("blockDeviceMapping").Select(m => new ImageBlockDeviceMapping(
                m.Text("deviceName"), m.Child("ebs").Text("snapshotId"), m.Child("ebs").Int("volumeSize"), m.Child("ebs").Text("volumeType")))],
            e.Ec2Tags());
}
