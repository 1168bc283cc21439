using System.Net;
using System.Text;
using System.Xml;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Tests.Aws.Protocol;

public sealed class XmlItemTests
{
    private static readonly AwsRequest Request = new QueryForm(AwsService.Ec2, "DescribeInstances").ToRequest("us-east-1");

    private static XmlItem Root(string xml) =>
        AwsXml.ReadRoot(new AwsResponse(HttpStatusCode.OK, "r", Encoding.UTF8.GetBytes(xml), new Dictionary<string, string>()), Request);

    private const string Instance = """
        <item xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
            <instanceId>i-1</instanceId>
            <instanceState>
                <code>16</code>
                <name>running</name>
            </instanceState>
            <reason/>
            <dnsName></dnsName>
            <launchTime>2024-05-01T10:00:00.123Z</launchTime>
            <blockDeviceMapping>
                <item><deviceName>/dev/xvda</deviceName><ebs><volumeId>vol-1</volumeId></ebs></item>
                <item><deviceName>/dev/xvdb</deviceName><ebs><volumeId>vol-2</volumeId></ebs></item>
            </blockDeviceMapping>
            <productCodes/>
            <tagSet>
                <item><key>Name</key><value>web</value></item>
                <item><key>Name</key><value>second</value></item>
                <item><value>no key</value></item>
                <item><key>Empty</key></item>
            </tagSet>
        </item>
        """;

    [Fact]
    public void Should_Read_Members_By_Local_Name_When_The_Document_Has_A_Namespace()
    {
        var e = Root(Instance);

        Assert.Equal("item", e.Name);
        Assert.Equal("i-1", e.Text("instanceId"));
        Assert.Equal(16, e.Child("instanceState").Int("code"));
        Assert.Equal("running", e.Child("instanceState").Token("name"));
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 10, 0, 0, 123, TimeSpan.Zero), e.Time("launchTime"));
    }

    [Fact]
    public void Should_Read_Null_When_An_Element_Is_Missing_And_Empty_Text_When_It_Is_Empty()
    {
        var e = Root(Instance);

        Assert.Null(e.Text("platform"));
        Assert.Null(e.Int("platform"));
        Assert.Null(e.Child("placement").Text("availabilityZone"));
        Assert.False(e.Child("placement").Exists);
        Assert.Equal("", e.Text("reason"));
        Assert.Equal("", e.Text("dnsName"));
        Assert.Null(e.Time("reason"));
    }

    [Fact]
    public void Should_Read_Nested_Sets_In_Order_And_Nothing_When_A_Set_Is_Empty_Or_Absent()
    {
        var e = Root(Instance);

        Assert.Equal(["vol-1", "vol-2"], e.Items("blockDeviceMapping").Map(m => m.Child("ebs").Text("volumeId") ?? "missing"));
        Assert.Empty(e.Items("productCodes").Map(m => m.Text("productCode")));
        Assert.Equal(0, e.Items("groupSet").Count());
        Assert.Equal(0, default(XmlItem).Items("anything").Count());
    }

    [Fact]
    public void Should_Keep_The_First_Of_A_Repeated_Tag_Key_And_Skip_Keyless_Tags_When_Reading_Tags()
    {
        var tags = Root(Instance).Ec2Tags();

        Assert.Equal(new Dictionary<string, string> { ["Name"] = "web", ["Empty"] = "" }, tags);
        Assert.Empty(Root("<item><instanceId>i-2</instanceId></item>").Ec2Tags());
    }

    [Fact]
    public void Should_Read_Text_As_XElement_Does_When_It_Holds_Entities_Cdata_Or_Whitespace()
    {
        var e = Root("<r><a>x &amp; y</a><b><![CDATA[<z>]]></b><c>  </c><d> p </d></r>");

        Assert.Equal("x & y", e.Text("a"));
        Assert.Equal("<z>", e.Text("b"));
        Assert.Equal("  ", e.Text("c"));
        Assert.Equal(" p ", e.Text("d"));
    }

    [Fact]
    public void Should_Throw_An_Aws_Error_When_The_Body_Is_Not_Xml()
    {
        var e = Assert.Throws<AwsServiceException>(() => Root("<r><a>1</a>"));

        Assert.Equal(AwsErrorCodes.MalformedResponse, e.ErrorCode);
    }

    [Fact]
    public void Should_Throw_Format_Errors_When_A_Number_Or_Time_Is_Garbage()
    {
        var e = Root("<r><n>twelve</n><t>yesterday</t><b>maybe</b></r>");

        Assert.Throws<FormatException>(() => e.Int("n"));
        Assert.Throws<FormatException>(() => e.Time("t"));
        Assert.Throws<FormatException>(() => e.Bool("b"));
    }

    [Fact]
    public void Should_Refuse_An_Item_When_Its_Tree_Has_Loaded_The_Next_One()
    {
        using var reader = XmlReader.Create(new StringReader("<s><item><k>1</k></item><item><k>2</k></item></s>"));
        reader.MoveToContent();
        reader.Read();
        var tree = new XmlTree();

        var first = tree.Load(reader);
        var second = tree.Load(reader);

        Assert.Equal("2", second.Text("k"));
        Assert.Throws<InvalidOperationException>(() => first.Text("k"));
    }
}
