using System.Net;
using System.Text;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Tests.Aws.Protocol;

public sealed class AwsXmlReadPageTests
{
    private static readonly AwsRequest Request = new QueryForm(AwsService.CloudWatch, "GetMetricData").ToRequest("us-east-1");

    private static AwsResponse Body(string xml) =>
        new(HttpStatusCode.OK, "r", Encoding.UTF8.GetBytes(xml), new Dictionary<string, string>());

    [Theory]
    [InlineData("<R xmlns=\"urn:x\"><Result><Items><member><Id>a</Id><Values><member>1</member></Values></member><member><Id>b</Id></member></Items><NextToken>t1</NextToken></Result><Meta><RequestId>q</RequestId></Meta></R>")]
    [InlineData("<R xmlns=\"urn:x\">\n  <Result>\n    <NextToken>t1</NextToken>\n    <Items>\n      <member>\n        <Id>a</Id>\n        <Values><member>1</member></Values>\n      </member>\n      <member><Id>b</Id></member>\n    </Items>\n  </Result>\n  <Meta><RequestId>q</RequestId></Meta>\n</R>")]
    public void Should_Hand_Over_Each_Item_And_Keep_The_Texts_Near_The_Root_When_Compact_Or_Indented(string xml)
    {
        // When a page is read item by item
        var items = new List<(string? Id, List<string?> Values)>();
        var page = AwsXml.ReadPage(Body(xml), Request, "Items", "member", i =>
        {
            var values = new List<string?>();
            foreach (var v in i.Members("Values"))
            {
                values.Add(v.Value);
            }

            items.Add((i.Text("Id"), values));
        });

        // Then the top-level items come whole (their own nested members inside), and the token and request id are kept
        Assert.Equal("R", page.RootName);
        Assert.Equal(["a", "b"], items.Select(i => i.Id));
        Assert.Equal(["1"], items[0].Values);
        Assert.Empty(items[1].Values);
        Assert.Equal("t1", page.Text("NextToken"));
        Assert.Equal("q", page.Text("RequestId"));
    }

    [Fact]
    public void Should_Read_No_Items_When_The_Set_Is_Empty_Or_Absent()
    {
        var none = new List<string?>();

        var empty = AwsXml.ReadPage(Body("<R><Items/><NextToken>t</NextToken></R>"), Request, "Items", "member", i => none.Add(i.Name));
        var absent = AwsXml.ReadPage(Body("<R><Other>x</Other></R>"), Request, "Items", "member", i => none.Add(i.Name));

        Assert.Empty(none);
        Assert.Equal("t", empty.Text("NextToken"));
        Assert.Equal("x", absent.Text("Other"));
    }

    [Fact]
    public void Should_Throw_An_Aws_Error_Not_Crash_When_The_Body_Is_Not_Xml()
    {
        var e = Assert.Throws<AwsServiceException>(() => AwsXml.ReadPage(Body("<R><Items><member>"), Request, "Items", "member", _ => { }));

        Assert.Equal(AwsErrorCodes.MalformedResponse, e.ErrorCode);
    }
}
