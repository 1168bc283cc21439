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
            root => (IReadOnlyList<Region>)root.Items("regionInfo").Map(ParseRegion),
            ct);

    public IAsyncEnumerable<Reservation> DescribeInstancesAsync(IReadOnlyList<Ec2Filter> filters, CancellationToken ct) =>
        PaginateAsync("DescribeInstances", InstancesPageLimit, f => f.AddFilters(filters), "reservationSet", ParseReservation, ct);

    public IAsyncEnumerable<Volume> DescribeVolumesAsync(IReadOnlyList<Ec2Filter> filters, CancellationToken ct) =>
        PaginateAsync("DescribeVolumes", VolumesPageLimit, f => f.AddFilters(filters), "volumeSet", ParseVolume, ct);

    /// <summary>The account's own snapshots: <c>Owner.1=self</c> always, else public and shared snapshots come too.</summary>
    public IAsyncEnumerable<Snapshot> DescribeSnapshotsAsync(IReadOnlyList<Ec2Filter> filters, CancellationToken ct) =>
        PaginateAsync("DescribeSnapshots", SnapshotsPageLimit, f => f.AddList("Owner", ["self"]).AddFilters(filters),
            "snapshotSet", ParseSnapshot, ct);

    /// <summary>Not paginated: one call returns every address of the region.</summary>
    public Task<IReadOnlyList<Address>> DescribeAddressesAsync(IReadOnlyList<Ec2Filter> filters, CancellationToken ct) =>
        CallAsync(
            new QueryForm(AwsService.Ec2, "DescribeAddresses").AddFilters(filters),
            root => (IReadOnlyList<Address>)root.Items("addressesSet").Map(ParseAddress),
            ct);

    public IAsyncEnumerable<NatGateway> DescribeNatGatewaysAsync(IReadOnlyList<Ec2Filter> filters, CancellationToken ct) =>
        PaginateAsync("DescribeNatGateways", NatGatewaysPageLimit, f => f.AddFilters(filters), "natGatewaySet", ParseNatGateway, ct);

    /// <summary>The account's own images (<c>Owner.1=self</c>), not the public catalogue.</summary>
    public IAsyncEnumerable<Image> DescribeImagesAsync(IReadOnlyList<Ec2Filter> filters, CancellationToken ct) =>
        PaginateAsync("DescribeImages", ImagesPageLimit, f => f.AddList("Owner", ["self"]).AddFilters(filters),
            "imagesSet", ParseImage, ct);

    private sealed record Page<T>(IReadOnlyList<T> Items, string? NextToken);

    /// <summary>Pages are read item by item (<see cref="AwsXml.ReadPage"/>): only the parsed records of a page are held.</summary>
    private IAsyncEnumerable<T> PaginateAsync<T>(
        string operation, int pageLimit, Action<QueryForm> input, string setName, Func<XmlItem, T> parse, CancellationToken ct) =>
        Paginator.PaginateAsync<Page<T>, T>(
            (token, c) =>
            {
                var form = new QueryForm(AwsService.Ec2, operation);
                input(form);
                form.Add("MaxResults", PageSize ?? pageLimit).Add("NextToken", token);
                return CallPageAsync(form, setName, parse, c);
            },
            page => page.NextToken,
            page => page.Items,
            ct);

    private async Task<Page<T>> CallPageAsync<T>(QueryForm form, string setName, Func<XmlItem, T> parse, CancellationToken ct)
    {
        var request = form.ToRequest(Region);
        var response = await transport.SendAsync(request, ct).ConfigureAwait(false);
        var items = new List<T>();
        try
        {
            var page = AwsXml.ReadPage(response, request, setName, "item", e => items.Add(parse(e)));
            if (page.RootName != request.Operation + "Response")
            {
                throw new FormatException($"expected <{request.Operation}Response>, got <{page.RootName}>");
            }

            return new Page<T>(items, page.Text("nextToken"));
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw AwsJson.Malformed(request, response, e);
        }
    }

    private async Task<T> CallAsync<T>(QueryForm form, Func<XmlItem, T> parse, CancellationToken ct)
    {
        var request = form.ToRequest(Region);
        var response = await transport.SendAsync(request, ct).ConfigureAwait(false);
        var root = AwsXml.ReadRoot(response, request);
        try
        {
            if (root.Name != request.Operation + "Response")
            {
                throw new FormatException($"expected <{request.Operation}Response>, got <{root.Name}>");
            }

            return parse(root);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw AwsJson.Malformed(request, response, e);
        }
    }

    private static string Shared(string value) => TokenPool.Shared(value)!;

    private static string Required(XmlItem e, string localName) =>
        e.Text(localName) is { Length: > 0 } value ? value : throw new FormatException($"<{e.Name}> has no <{localName}>");

    private static Region ParseRegion(XmlItem e) =>
        new(Required(e, "regionName"), e.Text("regionEndpoint"), e.Text("optInStatus"));

    private static Reservation ParseReservation(XmlItem e) =>
        new(e.Text("reservationId"), e.Token("ownerId"), e.Items("instancesSet").Map(ParseInstance));

    private static Instance ParseInstance(XmlItem e)
    {
        var state = e.Child("instanceState") is { Exists: true } s ? s : throw new FormatException("<item> has no <instanceState>");
        var placement = e.Child("placement");
        return new Instance(
            Required(e, "instanceId"),
            e.Token("imageId"),
            new InstanceState(state.Int("code"), Shared(Required(state, "name"))),
            Shared(Required(e, "instanceType")),
            e.Time("launchTime"),
            e.Text("reason"),
            placement.Token("availabilityZone"),
            e.Token("platform"),
            e.Token("platformDetails"),
            e.Token("architecture"),
            e.Token("instanceLifecycle"),
            e.Token("vpcId"),
            e.Token("subnetId"),
            e.Items("blockDeviceMapping").Map(ParseInstanceMapping),
            e.Ec2Tags());
    }

    private static InstanceBlockDeviceMapping ParseInstanceMapping(XmlItem m)
    {
        var ebs = m.Child("ebs");
        return new InstanceBlockDeviceMapping(m.Token("deviceName"), ebs.Text("volumeId"), ebs.Token("status"), ebs.Time("attachTime"));
    }

    private static Volume ParseVolume(XmlItem e) =>
        new(
            Required(e, "volumeId"),
            e.Int("size") ?? throw new FormatException("volume has no <size>"),
            Shared(Required(e, "volumeType")),
            Shared(Required(e, "status")),
            e.Time("createTime"),
            e.Token("availabilityZone"),
            e.Text("snapshotId"),
            e.Int("iops"),
            e.Int("throughput"),
            e.Bool("encrypted"),
            e.Items("attachmentSet").Map(a => new VolumeAttachment(
                a.Text("volumeId"), a.Text("instanceId"), a.Text("device"), a.Token("status"), a.Time("attachTime"))),
            e.Ec2Tags());

    private static Snapshot ParseSnapshot(XmlItem e) =>
        new(
            Required(e, "snapshotId"),
            e.Text("volumeId"),
            e.Int("volumeSize") ?? throw new FormatException("snapshot has no <volumeSize>"),
            e.Time("startTime"),
            Shared(Required(e, "status")),
            e.Token("ownerId"),
            e.Text("description"),
            e.Token("storageTier"),
            e.Bool("encrypted"),
            e.Long("fullSnapshotSizeInBytes"),
            e.Ec2Tags());

    private static Address ParseAddress(XmlItem e) =>
        new(
            Required(e, "publicIp"),
            e.Text("allocationId"),
            e.Text("associationId"),
            Shared(Required(e, "domain")),
            e.Text("instanceId"),
            e.Text("networkInterfaceId"),
            e.Text("privateIpAddress"),
            e.Ec2Tags());

    private static NatGateway ParseNatGateway(XmlItem e) =>
        new(
            Required(e, "natGatewayId"),
            Shared(Required(e, "state")),
            e.Token("vpcId"),
            e.Token("subnetId"),
            e.Time("createTime"),
            e.Token("connectivityType"),
            e.Items("natGatewayAddressSet").Map(a => new NatGatewayAddress(
                a.Text("allocationId"), a.Text("publicIp"), a.Text("privateIp"), a.Text("networkInterfaceId"))),
            e.Ec2Tags());

    private static Image ParseImage(XmlItem e) =>
        new(
            Required(e, "imageId"),
            e.Text("name"),
            e.Text("creationDate"),
            Shared(Required(e, "imageState")),
            e.Token("imageOwnerId"),
            e.Bool("isPublic"),
            e.Text("lastLaunchedTime"),
            e.Items("blockDeviceMapping").Map(ParseImageMapping),
            e.Ec2Tags());

    private static ImageBlockDeviceMapping ParseImageMapping(XmlItem m)
    {
        var ebs = m.Child("ebs");
        return new ImageBlockDeviceMapping(m.Token("deviceName"), ebs.Text("snapshotId"), ebs.Int("volumeSize"), ebs.Token("volumeType"));
    }
}
