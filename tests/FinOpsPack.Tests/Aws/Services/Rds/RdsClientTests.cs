using System.Globalization;
using System.Reflection;
using System.Text.Json;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Services.Rds;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Aws.Services.Rds;

public sealed class RdsClientTests
{
    private static string Sample(string name) => File.ReadAllText(Path.Combine(RepoPaths.AwsFixtures, "response-samples", name));

    [Fact]
    public async Task Should_Read_What_Botocore_Reads_When_Parsing_The_DescribeDBInstances_Sample()
    {
        // Given
        var transport = new CannedTransport(Sample("rds-describe-db-instances.xml"));

        // When
        var instances = await new RdsClient(transport, "us-east-1").DescribeDBInstancesAsync().ToListAsync();

        // Then
        var expected = JsonDocument.Parse(Sample("rds-describe-db-instances.json")).RootElement.GetProperty("DBInstances");
        Assert.Equal(expected.GetArrayLength(), instances.Count);
        var compared = AssertSameAsBotocore(instances[0], expected[0]);
        Assert.Contains("InstanceCreateTime", compared);
        Assert.Contains("MultiAZ", compared);
        Assert.Equal(new DateTimeOffset(2011, 5, 23, 6, 6, 43, 110, TimeSpan.Zero), instances[0].InstanceCreateTime);
        Assert.Empty(instances[0].Tags);
    }

    [Fact]
    public async Task Should_Read_What_Botocore_Reads_When_Parsing_The_DescribeDBSnapshots_Sample()
    {
        // Given
        var transport = new CannedTransport(Sample("rds-describe-db-snapshots.xml"));

        // When
        var snapshots = await new RdsClient(transport, "us-east-1").DescribeDBSnapshotsAsync().ToListAsync();

        // Then
        var expected = JsonDocument.Parse(Sample("rds-describe-db-snapshots.json")).RootElement.GetProperty("DBSnapshots");
        Assert.Equal(expected.GetArrayLength(), snapshots.Count);
        for (var i = 0; i < snapshots.Count; i++)
        {
            Assert.Contains("SnapshotType", AssertSameAsBotocore(snapshots[i], expected[i]));
        }

        Assert.Equal(["manual", "manual", "automated"], snapshots.Select(s => s.SnapshotType));
    }

    [Fact]
    public void Should_Name_Filter_Lists_By_Member_LocationName_When_Serializing()
    {
        // When
        var body = RdsClient.Form("DescribeDBInstances", [new RdsFilter("engine", ["mysql", "postgres"]), new RdsFilter("db-cluster-id", ["c1"])], 20, "m/1=")
            .Encode();

        // Then
        Assert.Equal(
            "Action=DescribeDBInstances&Version=2014-10-31"
            + "&Filters.Filter.1.Name=engine&Filters.Filter.1.Values.Value.1=mysql&Filters.Filter.1.Values.Value.2=postgres"
            + "&Filters.Filter.2.Name=db-cluster-id&Filters.Filter.2.Values.Value.1=c1&MaxRecords=20&Marker=m%2F1%3D",
            body);
    }

    [Fact]
    public async Task Should_Follow_Every_Marker_When_Pages_Chain()
    {
        // Given
        static string Page(string id, string? marker) =>
            $"""<DescribeDBInstancesResponse xmlns="http://rds.amazonaws.com/doc/2014-10-31/"><DescribeDBInstancesResult><DBInstances><DBInstance><DBInstanceIdentifier>{id}</DBInstanceIdentifier><TagList><Tag><Key>env</Key><Value>dev</Value></Tag></TagList></DBInstance></DBInstances>{(marker is null ? "" : $"<Marker>{marker}</Marker>")}</DescribeDBInstancesResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></DescribeDBInstancesResponse>""";
        var transport = new CannedTransport(Page("a", "m1"), Page("b", "m2"), Page("c", null));

        // When
        var ids = await new RdsClient(transport, "eu-west-1").DescribeDBInstancesAsync().Select(d => d.DBInstanceIdentifier).ToListAsync();

        // Then
        Assert.Equal(["a", "b", "c"], ids);
        Assert.DoesNotContain("Marker", transport.Forms[0]);
        Assert.EndsWith("&Marker=m1", transport.Forms[1]);
        Assert.EndsWith("&Marker=m2", transport.Forms[2]);
        Assert.All(transport.Requests, r => Assert.Equal("eu-west-1", r.EffectiveRegion));
    }

    [Theory]
    [InlineData("not xml at all")]
    [InlineData("<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances><DBInstance><DBInstanceIdentifier>a</DBInstanceIdentifier><AllocatedStorage>lots</AllocatedStorage></DBInstance></DBInstances></DescribeDBInstancesResult></DescribeDBInstancesResponse>")]
    [InlineData("<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances><DBInstance><Engine>mysql</Engine></DBInstance></DBInstances></DescribeDBInstancesResult></DescribeDBInstancesResponse>")]
    [InlineData("<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances><DBInstance><DBInstanceIdentifier>a</DBInstanceIdentifier><MultiAZ>maybe</MultiAZ></DBInstance></DBInstances></DescribeDBInstancesResult></DescribeDBInstancesResponse>")]
    [InlineData("<DescribeDBSnapshotsResponse><DescribeDBSnapshotsResult/></DescribeDBSnapshotsResponse>")]
    [InlineData("<DescribeDBInstancesResponse><DescribeDBInstancesResult><DBInstances>")]
    public async Task Should_Throw_AwsServiceException_When_The_Response_Is_Garbage(string body)
    {
        // Given
        var client = new RdsClient(new CannedTransport(body), "us-east-1");

        // When
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => client.DescribeDBInstancesAsync().ToListAsync().AsTask());

        // Then
        Assert.Equal(AwsErrorCodes.MalformedResponse, e.ErrorCode);
        Assert.Equal("rds:DescribeDBInstances", e.Action);
    }

    [Theory]
    [InlineData(19)]
    [InlineData(101)]
    public void Should_Refuse_MaxRecords_When_Outside_What_Rds_Accepts(int maxRecords) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RdsClient.Form("DescribeDBInstances", null, maxRecords, null));

    /// <summary>Compares every property of the model that botocore's parse also has; returns the names compared.</summary>
    internal static List<string> AssertSameAsBotocore(object model, JsonElement expected)
    {
        var compared = new List<string>();
        foreach (var property in model.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(model);
            if (!expected.TryGetProperty(property.Name, out var json))
            {
                if (property.Name != "Tags")
                {
                    Assert.True(value is null, $"{property.Name} should be absent but is {value}");
                }

                continue;
            }

            object? wanted = json.ValueKind switch
            {
                JsonValueKind.Number => json.GetInt32(),
                JsonValueKind.True or JsonValueKind.False => json.GetBoolean(),
                JsonValueKind.String when value is DateTimeOffset =>
                    DateTimeOffset.Parse(json.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal),
                _ => json.GetString(),
            };
            Assert.True(Equals(wanted, value), $"{property.Name}: expected {wanted}, got {value}");
            compared.Add(property.Name);
        }

        return compared;
    }
}
