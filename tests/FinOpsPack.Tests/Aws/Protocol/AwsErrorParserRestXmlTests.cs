using System.Net;
using System.Text;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Protocol;

namespace FinOpsPack.Tests.Aws.Protocol;

public sealed class AwsErrorParserRestXmlTests
{
    [Fact]
    public void Should_Read_The_Code_When_The_Error_Element_Is_The_Root_As_S3_Sends_It()
    {
        // Given S3's REST-XML error body, whose root is <Error> itself (query and EC2 nest it deeper)
        const string body = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><Code>NoSuchLifecycleConfiguration</Code><Message>The lifecycle configuration does not exist</Message><BucketName>logs</BucketName><RequestId>4442587FB7D0A2F9</RequestId><HostId>aGVsbG8=</HostId></Error>
            """;

        // When it is parsed
        var error = AwsErrorParser.Parse(AwsProtocol.RestXml, HttpStatusCode.NotFound, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));

        // Then the code, message and request id are S3's, not a fallback from the status
        Assert.Equal("NoSuchLifecycleConfiguration", error.Code);
        Assert.Equal("The lifecycle configuration does not exist", error.Message);
        Assert.Equal("4442587FB7D0A2F9", error.RequestId);
    }

    [Fact]
    public void Should_Read_An_S3_Access_Denied_As_Access_Denied_When_Parsed()
    {
        const string body = "<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>R1</RequestId></Error>";
        var error = AwsErrorParser.Parse(AwsProtocol.RestXml, HttpStatusCode.Forbidden, new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body));
        Assert.True(AwsErrorCodes.IsAccessDenied(error.Code));
    }
}
