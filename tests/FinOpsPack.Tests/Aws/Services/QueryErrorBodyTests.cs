using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Aws.Services;

/// <summary>
/// The query-protocol error bodies RDS, IAM and CloudWatch answer with, read the way the transport reads them for these
/// clients: the real error samples and the error vectors of the query protocol tests.
/// </summary>
public sealed class QueryErrorBodyTests
{
    [Theory]
    [InlineData("rds-describe-db-instances", HttpStatusCode.NotFound)]
    [InlineData("iam-get-user", HttpStatusCode.NotFound)]
    [InlineData("sts-get-session-token", HttpStatusCode.Forbidden)]
    public void Should_Read_Code_Message_And_Request_Id_When_Given_A_Real_Error_Body(string sample, HttpStatusCode status)
    {
        // Given
        var dir = Path.Combine(RepoPaths.AwsFixtures, "response-samples", "errors");
        var body = File.ReadAllBytes(Path.Combine(dir, sample + ".xml"));
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, sample + ".json"))).RootElement;

        // When
        var error = AwsErrorParser.Parse(AwsProtocol.Query, status, new Dictionary<string, string>(), body);

        // Then
        Assert.Equal(expected.GetProperty("Error").GetProperty("Code").GetString(), error.Code);
        Assert.Equal(expected.GetProperty("Error").GetProperty("Message").GetString(), error.Message);
        Assert.Equal(expected.GetProperty("ResponseMetadata").GetProperty("RequestId").GetString(), error.RequestId);
    }

    [Theory]
    [InlineData("QueryInvalidGreetingError")]
    [InlineData("QueryCustomizedError")]
    [InlineData("QueryComplexError")]
    public void Should_Read_The_Code_When_Given_A_Protocol_Test_Error(string id)
    {
        // Given
        var suites = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.AwsFixtures, "protocol-tests", "output", "query.json")))!.AsArray();
        var testCase = suites.SelectMany(s => s!["cases"]!.AsArray()).Single(c => c!["id"]!.GetValue<string>() == id)!;
        var response = testCase["response"]!;

        // When
        var error = AwsErrorParser.Parse(AwsProtocol.Query, (HttpStatusCode)response["status_code"]!.GetValue<int>(),
            new Dictionary<string, string>(), Encoding.UTF8.GetBytes(response["body"]!.GetValue<string>()));

        // Then
        Assert.Equal(testCase["errorCode"]!.GetValue<string>(), error.Code);
        Assert.Equal("foo-id", error.RequestId);
        if (testCase["errorMessage"] is { } message)
        {
            Assert.Equal(message.GetValue<string>(), error.Message);
        }
    }

    [Fact]
    public void Should_Retry_The_Throttling_Code_The_Query_Services_Use_When_Classifying()
    {
        var e = new AwsServiceException("Throttling", "Rate exceeded", HttpStatusCode.BadRequest, "r", "iam:GetAccountAuthorizationDetails");

        Assert.True(e.IsThrottling);
        Assert.True(AwsErrorCodes.IsAccessDenied("AccessDenied"));
    }
}
