using System.Net;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Services.Ec2;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Collectors.Ec2;
using FinOpsPack.Core.Inventory;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.SampleAccount.Hosting;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.SampleAccount;

/// <summary>
/// The sample account's EC2 over real HTTP (Kestrel, SigV4, the review role's session): the collectors read back exactly
/// the dataset, page by page, and the handler refuses what EC2 refuses, in EC2's error dialect.
/// </summary>
public sealed class Ec2HandlerTests(SampleAccountEc2Fixture fixture) : IClassFixture<SampleAccountEc2Fixture>
{
    private SampleDataset Data => fixture.Harness.Server.Dataset;

    private static int Pages(int items, int pageSize) => Math.Max(1, (items + pageSize - 1) / pageSize);

    public static TheoryData<string> Regions => new() { "us-east-1", "eu-west-1" };

    [Theory]
    [MemberData(nameof(Regions))]
    public async Task Should_Read_Back_Every_Instance_Of_The_Dataset_Page_By_Page_When_Collecting_Instances(string region)
    {
        // Given the dataset's instances in the region, grouped in reservations
        var expected = Data.Ec2Instances.Where(i => i.Region == region).OrderBy(i => i.InstanceId, StringComparer.Ordinal);
        var reservations = Data.Ec2Instances.Where(i => i.Region == region).Select(i => Data.Ec2ReservationIds[i.InstanceId]).Distinct().Count();
        var before = fixture.Audit.Count("DescribeInstances", region);

        // When the collector runs
        var inventory = await fixture.CollectAsync(new InstancesCollector(), region);

        // Then it holds exactly the dataset, every field equal, read in pages of at most MaxPageSize reservations
        Assert.Equal(CanonicalJson.Each(expected), CanonicalJson.Each(inventory.Ec2Instances));
        Assert.Equal(Pages(reservations, Data.MaxPageSize), fixture.Audit.Count("DescribeInstances", region) - before);
    }

    [Theory]
    [MemberData(nameof(Regions))]
    public async Task Should_Read_Back_Every_Volume_Snapshot_Address_Gateway_And_Image_When_Collecting_A_Region(string region)
    {
        // Given the dataset's EC2 resources in the region
        var counts = new[] { "DescribeVolumes", "DescribeSnapshots", "DescribeAddresses", "DescribeNatGateways", "DescribeImages" }
            .ToDictionary(op => op, op => fixture.Audit.Count(op, region));

        // When each collector runs
        var volumes = (await fixture.CollectAsync(new VolumesCollector(), region)).EbsVolumes;
        var snapshots = (await fixture.CollectAsync(new SnapshotsCollector(), region)).EbsSnapshots;
        var addresses = (await fixture.CollectAsync(new ElasticIpsCollector(), region)).ElasticIps;
        var gateways = (await fixture.CollectAsync(new NatGatewaysCollector(), region)).NatGateways;
        var images = (await fixture.CollectAsync(new ImagesCollector(), region)).MachineImages;

        // Then each holds exactly the dataset, every field equal (XSS and CSV-injection text included)
        Assert.Equal(CanonicalJson.Each(InRegion(Data.EbsVolumes, v => v.Region, v => v.VolumeId, region)), CanonicalJson.Each(volumes));
        Assert.Equal(CanonicalJson.Each(InRegion(Data.EbsSnapshots, s => s.Region, s => s.SnapshotId, region)), CanonicalJson.Each(snapshots));
        Assert.Equal(CanonicalJson.Each(InRegion(Data.ElasticIps, a => a.Region, a => a.AllocationId, region)), CanonicalJson.Each(addresses));
        Assert.Equal(CanonicalJson.Each(InRegion(Data.NatGateways, n => n.Region, n => n.NatGatewayId, region)), CanonicalJson.Each(gateways));
        Assert.Equal(CanonicalJson.Each(InRegion(Data.MachineImages, m => m.Region, m => m.ImageId, region)), CanonicalJson.Each(images));

        // And the paginated operations took one call per page, DescribeAddresses one call
        Assert.Equal(Pages(volumes.Count, Data.MaxPageSize), fixture.Audit.Count("DescribeVolumes", region) - counts["DescribeVolumes"]);
        Assert.Equal(Pages(snapshots.Count, Data.MaxPageSize), fixture.Audit.Count("DescribeSnapshots", region) - counts["DescribeSnapshots"]);
        Assert.Equal(1, fixture.Audit.Count("DescribeAddresses", region) - counts["DescribeAddresses"]);
        Assert.Equal(Pages(gateways.Count, Data.MaxPageSize), fixture.Audit.Count("DescribeNatGateways", region) - counts["DescribeNatGateways"]);
        Assert.Equal(Pages(images.Count, Data.MaxPageSize), fixture.Audit.Count("DescribeImages", region) - counts["DescribeImages"]);
    }

    private static IEnumerable<T> InRegion<T>(IEnumerable<T> items, Func<T, string> region, Func<T, string> id, string wanted) =>
        items.Where(i => region(i) == wanted).OrderBy(id, StringComparer.Ordinal);

    [Fact]
    public async Task Should_List_Every_Region_With_Its_Opt_In_Status_When_Collecting_Regions()
    {
        // Given the account's regions, one of them not opted in
        // When the regions collector runs
        var regions = (await fixture.CollectAsync(new RegionsCollector(), "us-east-1")).Regions;

        // Then all are listed with their status (the runner keeps the enabled ones)
        Assert.Equal(CanonicalJson.Each(Data.AllRegions.OrderBy(r => r.RegionName, StringComparer.Ordinal)), CanonicalJson.Each(regions));
        Assert.Contains(regions, r => r.OptInStatus == "not-opted-in");
    }

    [Fact]
    public async Task Should_List_Only_Enabled_Regions_When_AllRegions_Is_Not_Asked()
    {
        // Given a DescribeRegions request without AllRegions
        var root = await SendAsync(new QueryForm(AwsService.Ec2, "DescribeRegions"), "us-east-1");

        // Then the not-opted-in region is left out, as EC2 does
        Assert.Equal(Data.EnabledRegions.Order(StringComparer.Ordinal), root.Items("regionInfo").Select(r => r.Text("regionName")!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_Keep_Instances_Launched_Together_In_One_Reservation_When_Describing_Instances()
    {
        // Given web-prod-1 and web-prod-2, launched together
        var client = new Ec2Client(fixture.Transport, "us-east-1");

        // When instances are listed
        var reservations = new List<Reservation>();
        await foreach (var r in client.DescribeInstancesAsync([], CancellationToken.None))
        {
            reservations.Add(r);
        }

        // Then they come in one reservation, owned by the account
        var shared = Assert.Single(reservations, r => r.Instances.Count == 2);
        Assert.Equal(["i-0a100000000000001", "i-0a100000000000002"], shared.Instances.Select(i => i.InstanceId));
        Assert.All(reservations, r => Assert.Equal(Data.AccountId, r.OwnerId));
    }

    [Fact]
    public async Task Should_Apply_Filters_As_Ec2_Does_When_Filters_Are_Sent()
    {
        // Given a client and filters: values OR-ed, filters AND-ed, wildcards in values
        var client = new Ec2Client(fixture.Transport, "us-east-1");

        // When instances are filtered on tag and state, and volumes on a wildcard type
        var devRunning = new List<string>();
        await foreach (var r in client.DescribeInstancesAsync(
            [new Ec2Filter("tag:env", "dev"), new Ec2Filter("instance-state-name", "running", "pending")], CancellationToken.None))
        {
            devRunning.AddRange(r.Instances.Select(i => i.InstanceId));
        }

        var gp = new List<string>();
        await foreach (var v in client.DescribeVolumesAsync([new Ec2Filter("volume-type", "gp?"), new Ec2Filter("status", "available")], CancellationToken.None))
        {
            gp.Add(v.VolumeId);
        }

        // Then exactly the matching resources come back
        Assert.Equal(
            Data.Ec2Instances.Where(i => i.Region == "us-east-1" && i.Tags.GetValueOrDefault("env") == "dev" && i.State == "running").Select(i => i.InstanceId).Order(StringComparer.Ordinal),
            devRunning.Order(StringComparer.Ordinal));
        Assert.Equal(
            Data.EbsVolumes.Where(v => v.Region == "us-east-1" && v.VolumeType.StartsWith("gp", StringComparison.Ordinal) && v.State == "available").Select(v => v.VolumeId).Order(StringComparer.Ordinal),
            gp.Order(StringComparer.Ordinal));
        Assert.NotEmpty(devRunning);
        Assert.NotEmpty(gp);
    }

    [Fact]
    public async Task Should_Refuse_An_Unknown_Filter_When_Ec2_Would()
    {
        // Given a filter name EC2 does not know
        var form = new QueryForm(AwsService.Ec2, "DescribeVolumes").AddFilters([new Ec2Filter("colour", "blue")]);

        // When it is sent
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => SendAsync(form, "us-east-1"));

        // Then EC2's InvalidParameterValue comes back
        Assert.Equal(("InvalidParameterValue", HttpStatusCode.BadRequest), (e.ErrorCode, e.StatusCode));
        Assert.Contains("colour", e.AwsMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("ZWMyfERlc2NyaWJlVm9sdW1lc3x1cy1lYXN0LTF8MHwz")]
    public async Task Should_Answer_InvalidParameterValue_When_The_Next_Token_Is_Not_One_It_Issued(string token)
    {
        // Given a NextToken the account never issued
        var form = new QueryForm(AwsService.Ec2, "DescribeVolumes").Add("MaxResults", 5).Add("NextToken", token);

        // When it is sent
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => SendAsync(form, "us-east-1"));

        // Then the error is EC2's, parsed from EC2's error XML by the transport, with HTTP 400 and a request id
        Assert.Equal("InvalidParameterValue", e.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, e.StatusCode);
        Assert.False(string.IsNullOrEmpty(e.RequestId));
        Assert.Equal("ec2:DescribeVolumes", e.Action);
    }

    [Fact]
    public async Task Should_Refuse_A_Token_When_It_Was_Issued_For_Another_Region_Or_Operation()
    {
        // Given a real token from DescribeSnapshots in us-east-1
        var first = await SendAsync(new QueryForm(AwsService.Ec2, "DescribeSnapshots").AddList("Owner", ["self"]).Add("MaxResults", 5), "us-east-1");
        var token = first.Text("nextToken");
        Assert.False(string.IsNullOrEmpty(token));

        // When it is replayed in eu-west-1, or on DescribeVolumes
        var otherRegion = await Assert.ThrowsAsync<AwsServiceException>(() =>
            SendAsync(new QueryForm(AwsService.Ec2, "DescribeSnapshots").AddList("Owner", ["self"]).Add("MaxResults", 5).Add("NextToken", token), "eu-west-1"));
        var otherOperation = await Assert.ThrowsAsync<AwsServiceException>(() =>
            SendAsync(new QueryForm(AwsService.Ec2, "DescribeVolumes").Add("MaxResults", 5).Add("NextToken", token), "us-east-1"));

        // Then both are refused, and the token still works where it was issued
        Assert.Equal("InvalidParameterValue", otherRegion.ErrorCode);
        Assert.Equal("InvalidParameterValue", otherOperation.ErrorCode);
        var second = await SendAsync(new QueryForm(AwsService.Ec2, "DescribeSnapshots").AddList("Owner", ["self"]).Add("MaxResults", 5).Add("NextToken", token), "us-east-1");
        Assert.NotEmpty(second.Items("snapshotSet"));
    }

    [Theory]
    [InlineData("DescribeInstances", "4")]
    [InlineData("DescribeVolumes", "501")]
    [InlineData("DescribeNatGateways", "0")]
    [InlineData("DescribeSnapshots", "ten")]
    public async Task Should_Refuse_MaxResults_Outside_The_Operations_Range_When_Ec2_Would(string operation, string maxResults)
    {
        // Given a MaxResults EC2 does not accept for the operation
        var form = new QueryForm(AwsService.Ec2, operation).Add("MaxResults", maxResults);

        // When it is sent
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => SendAsync(form, "us-east-1"));

        // Then InvalidParameterValue
        Assert.Equal(("InvalidParameterValue", HttpStatusCode.BadRequest), (e.ErrorCode, e.StatusCode));
    }

    [Fact]
    public async Task Should_Return_Nothing_When_Asked_For_Another_Owners_Snapshots_Or_Images()
    {
        // Given requests for Amazon's snapshots and images
        var snapshots = await SendAsync(new QueryForm(AwsService.Ec2, "DescribeSnapshots").AddList("Owner", ["amazon"]), "us-east-1");
        var images = await SendAsync(new QueryForm(AwsService.Ec2, "DescribeImages").AddList("Owner", ["amazon"]), "us-east-1");

        // Then none of the account's own come back
        Assert.Empty(snapshots.Items("snapshotSet"));
        Assert.Empty(images.Items("imagesSet"));
    }

    [Fact]
    public async Task Should_Refuse_The_Accounts_Credentials_When_The_Region_Is_Not_Opted_In()
    {
        // Given a region the account has not enabled
        var client = new Ec2Client(fixture.Transport, "ap-east-1");

        // When volumes are listed there
        var e = await Assert.ThrowsAsync<AwsServiceException>(async () =>
        {
            await foreach (var unused in client.DescribeVolumesAsync([], CancellationToken.None))
            {
            }
        });

        // Then EC2 does not accept the credentials there
        Assert.Equal(("AuthFailure", HttpStatusCode.Unauthorized), (e.ErrorCode, e.StatusCode));
    }

    [Fact]
    public async Task Should_Answer_In_Ec2s_Response_Shape_When_Describing()
    {
        // Given a DescribeVolumes call
        var root = await SendAsync(new QueryForm(AwsService.Ec2, "DescribeVolumes").Add("MaxResults", 5), "us-east-1");

        // Then the root, namespace, request id, item list and token are EC2's
        Assert.Equal("{http://ec2.amazonaws.com/doc/2016-11-15/}DescribeVolumesResponse", root.Name.ToString());
        Assert.False(string.IsNullOrEmpty(root.Text("requestId")));
        Assert.Equal(Data.MaxPageSize, root.Items("volumeSet").Count());
        Assert.False(string.IsNullOrEmpty(root.Text("nextToken")));
    }

    private async Task<System.Xml.Linq.XElement> SendAsync(QueryForm form, string region)
    {
        var request = form.ToRequest(region);
        var response = await fixture.Transport.SendAsync(request, CancellationToken.None);
        return AwsXml.Parse(response, request);
    }

    [Fact]
    public async Task Should_Return_Every_Item_Across_Many_Pages_When_The_Account_Is_Large()
    {
        // Given an account with hundreds of volumes and snapshots, served at most 3 a page
        var data = SampleDataset.Create(DateTimeOffset.UtcNow, SampleAccountHarness.TestExternalId);
        for (var n = 0; n < 250; n++)
        {
            data.EbsVolumes.Add(new EbsVolume(data.AccountId, "eu-west-1", $"vol-0bulk{n:D12}", "gp3", 10 + n, 3000, 125, "available",
                data.Now.AddDays(-n), "eu-west-1a", null, [], true, new Dictionary<string, string> { ["n"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
            data.EbsSnapshots.Add(new EbsSnapshot(data.AccountId, "eu-west-1", $"snap-0bulk{n:D12}", $"vol-0bulk{n:D12}", 10 + n,
                data.Now.AddDays(-n), "completed", "standard", "bulk " + n, null, new Dictionary<string, string>()));
        }

        var large = new SampleAccountEc2Fixture { Configure = o => o with { Dataset = data } };
        await large.InitializeAsync();
        try
        {
            // When the collectors run with the largest MaxResults
            var volumes = (await large.CollectAsync(new VolumesCollector(), "eu-west-1")).EbsVolumes;
            var snapshots = (await large.CollectAsync(new SnapshotsCollector(), "eu-west-1")).EbsSnapshots;

            // Then every item came back once, over ceil(n/3) pages
            var expectedVolumes = data.EbsVolumes.Where(v => v.Region == "eu-west-1").ToList();
            var expectedSnapshots = data.EbsSnapshots.Where(s => s.Region == "eu-west-1").ToList();
            Assert.Equal(expectedVolumes.Select(v => v.VolumeId).Order(StringComparer.Ordinal), volumes.Select(v => v.VolumeId));
            Assert.Equal(expectedSnapshots.Select(s => s.SnapshotId).Order(StringComparer.Ordinal), snapshots.Select(s => s.SnapshotId));
            Assert.Equal(Pages(expectedVolumes.Count, 3), large.Audit.Count("DescribeVolumes", "eu-west-1"));
            Assert.Equal(Pages(expectedSnapshots.Count, 3), large.Audit.Count("DescribeSnapshots", "eu-west-1"));
            Assert.True(large.Audit.Count("DescribeVolumes", "eu-west-1") > 80);
        }
        finally
        {
            await large.DisposeAsync();
        }
    }

    [Fact]
    public async Task Should_Collect_Exactly_The_Same_When_A_Third_Of_The_Calls_Are_Throttled()
    {
        // Given the sample account throttling 30% of EC2 calls with RequestLimitExceeded and failing some with 5xx
        var faulty = new SampleAccountEc2Fixture
        {
            Faults = new FaultPlan { ThrottleRate = 0.3, ServerErrorRate = 0.05, ExemptServices = new HashSet<string> { "sts" }, Seed = 11 },
        };
        await faulty.InitializeAsync();
        try
        {
            // When every EC2 collector runs in us-east-1
            var collected = new List<AccountInventory>();
            foreach (var collector in CollectorCatalog.All.Where(c => c.RequiredActions.All(a => a.StartsWith("ec2:", StringComparison.Ordinal))))
            {
                collected.Add(await faulty.CollectAsync(collector, "us-east-1"));
            }

            // Then the inventory equals the dataset, and the faults did happen
            var data = faulty.Harness.Server.Dataset;
            Assert.Equal(CanonicalJson.Each(InRegion(data.Ec2Instances, i => i.Region, i => i.InstanceId, "us-east-1")),
                CanonicalJson.Each(collected.SelectMany(c => c.Ec2Instances)));
            Assert.Equal(CanonicalJson.Each(InRegion(data.EbsVolumes, v => v.Region, v => v.VolumeId, "us-east-1")),
                CanonicalJson.Each(collected.SelectMany(c => c.EbsVolumes)));
            Assert.Equal(CanonicalJson.Each(InRegion(data.EbsSnapshots, s => s.Region, s => s.SnapshotId, "us-east-1")),
                CanonicalJson.Each(collected.SelectMany(c => c.EbsSnapshots)));
            Assert.Equal(CanonicalJson.Each(InRegion(data.ElasticIps, a => a.Region, a => a.AllocationId, "us-east-1")),
                CanonicalJson.Each(collected.SelectMany(c => c.ElasticIps)));
            Assert.Equal(CanonicalJson.Each(InRegion(data.NatGateways, n => n.Region, n => n.NatGatewayId, "us-east-1")),
                CanonicalJson.Each(collected.SelectMany(c => c.NatGateways)));
            Assert.Equal(CanonicalJson.Each(InRegion(data.MachineImages, m => m.Region, m => m.ImageId, "us-east-1")),
                CanonicalJson.Each(collected.SelectMany(c => c.MachineImages)));
            Assert.Contains(faulty.Audit.Records, r => r.Throttles > 0);
        }
        finally
        {
            await faulty.DisposeAsync();
        }
    }
}
