using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Services;
using FinOpsPack.Core.Aws.Services.CostOptimizationHub;
using FinOpsPack.Core.Aws.Services.Lambda;
using FinOpsPack.Core.Aws.Services.Organizations;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Aws.Services;

/// <summary>
/// The AWS protocol test vectors (botocore's json, json_1_0 and rest-json suites) applied to what the JSON/REST clients
/// serialize and parse: empty inputs, null members, timestamps in every form awsJson allows, error code forms.
/// </summary>
public sealed class JsonProtocolVectorTests
{
    private static readonly string Vectors = Path.Combine(RepoPaths.AwsFixtures, "protocol-tests");

    private static (JsonObject Metadata, JsonObject Case) Vector(string file, string id)
    {
        foreach (var suite in JsonNode.Parse(File.ReadAllText(Path.Combine(Vectors, file)))!.AsArray())
        {
            foreach (var c in suite!["cases"]!.AsArray())
            {
                if ((string?)c!["id"] == id)
                {
                    return (suite["metadata"]!.AsObject(), c.AsObject());
                }
            }
        }

        throw new InvalidOperationException($"vector {id} not in {file}");
    }

    public static TheoryData<string, string> EmptyInputVectors() => new()
    {
        { "input/json.json", "json_1_1_client_sends_empty_payload_for_no_input_shape" },
        { "input/json_1_0.json", "AwsJson10MustAlwaysSendEmptyJsonPayload" },
    };

    [Theory]
    [MemberData(nameof(EmptyInputVectors))]
    public async Task Should_Send_An_Empty_Object_With_Target_And_Content_Type_When_The_Operation_Has_No_Input(string file, string id)
    {
        // Given the vector for an operation without input, and our no-input operation of that protocol version
        var (metadata, vector) = Vector(file, id);
        var serialized = vector["serialized"]!;
        var transport = new RecordingTransport()
            .Reply("DescribeOrganization", """{"Organization":{"Id":"o-1"}}""")
            .Reply("GetPreferences", "{}");

        // When the client sends it
        AwsRequest request;
        if ((string?)metadata["jsonVersion"] == "1.0")
        {
            await new CostOptimizationHubClient(transport, "us-east-1").GetPreferencesAsync(CancellationToken.None);
            request = transport.Sent("GetPreferences").Single();
        }
        else
        {
            await new OrganizationsClient(transport, "us-east-1").DescribeOrganizationAsync(CancellationToken.None);
            request = transport.Sent("DescribeOrganization").Single();
        }

        // Then method, path, body and headers are the vector's (the target with our service's own prefix)
        Assert.Equal((string)serialized["method"]!, request.Method.Method);
        Assert.Equal((string)serialized["uri"]!, request.PathAndQuery);
        Assert.Equal((string)serialized["body"]!, RecordingTransport.Text(request));
        Assert.Equal((string)serialized["headers"]!["Content-Type"]!, request.ContentType);
        Assert.Equal($"{metadata["targetPrefix"]}.{vector["given"]!["name"]}", (string)serialized["headers"]!["X-Amz-Target"]!);
        Assert.Equal($"{request.Service.TargetPrefix}.{request.Operation}", request.Headers!["X-Amz-Target"]);
    }

    [Fact]
    public async Task Should_Leave_Out_Null_Members_When_Serializing_A_Request()
    {
        // Given the vector: a null member is dropped, not sent as null
        var (_, vector) = Vector("input/json.json", "AwsJson11StructuresDontSerializeNullValues");
        Assert.Equal("{}", (string)vector["serialized"]!["body"]!);
        var transport = new RecordingTransport().Reply("ListAccounts", """{"Accounts":[]}""");

        // When the first ListAccounts page is asked for (no NextToken yet)
        await foreach (var _ in new OrganizationsClient(transport, "us-east-1").ListAccountsAsync(CancellationToken.None))
        {
        }

        // Then NextToken is absent from the body
        Assert.Equal("""{"MaxResults":20}""", RecordingTransport.Text(transport.Requests.Single()));
    }

    public static TheoryData<string> TimestampVectors() =>
    [
        "parses_timestamp_shapes", "parses_iso8601_timestamps", "parses_httpdate_timestamps",
        "AwsJson11DateTimeWithFractionalSeconds", "AwsJson11DateTimeWithNegativeOffset", "AwsJson11DateTimeWithPositiveOffset",
    ];

    [Theory]
    [MemberData(nameof(TimestampVectors))]
    public void Should_Read_Timestamps_In_Every_Form_The_Vectors_Show_When_Parsing_Members_Of_Our_Models(string id)
    {
        // Given a timestamp vector, its value placed into timestamp members of our models (Organizations, COH)
        var (_, vector) = Vector("output/json.json", id);
        var body = JsonNode.Parse((string)vector["response"]!["body"]!)!.AsObject();
        var (member, value) = body.Single();
        var expected = (double)vector["result"]![member]!;
        var account = $$"""{"Id":"111122223333","JoinedTimestamp":{{value!.ToJsonString()}}}""";
        var recommendation = $$"""{"recommendationId":"r-1","lastRefreshTimestamp":{{value.ToJsonString()}}}""";

        // When they are parsed
        var joined = Parse<OrganizationAccount>(account).JoinedTimestamp;
        var refreshed = Parse<Recommendation>(recommendation).LastRefreshTimestamp;

        // Then both hold the vector's instant (epoch seconds, fractions kept)
        Assert.Equal(expected, joined!.Value.ToUnixTimeMilliseconds() / 1000.0, 3);
        Assert.Equal(expected, refreshed!.Value.ToUnixTimeMilliseconds() / 1000.0, 3);
    }

    public static TheoryData<string, string> IgnoredMemberVectors() => new()
    {
        { "output/json.json", "handles_unexpected_json_output" },
        { "output/json.json", "AwsJson11StructuresDontDeserializeNullValues" },
        { "output/json_1_0.json", "AwsJson10HandlesUnexpectedJsonOutput" },
        { "output/json_1_0.json", "AwsJson10DeserializeAllowNulls" },
    };

    [Theory]
    [MemberData(nameof(IgnoredMemberVectors))]
    public void Should_Ignore_Unknown_And_Null_Members_When_Parsing(string file, string id)
    {
        // Given a response with members our models do not have, or nulls
        var (_, vector) = Vector(file, id);
        var body = (string)vector["response"]!["body"]!;

        // When parsed as one of our responses, Then it reads as empty rather than failing
        var page = Parse<ListEnrollmentStatusesResponse>(body);
        Assert.Null(page.Items);
        Assert.Null(page.NextToken);
    }

    public static TheoryData<string, string> ErrorVectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in new[] { "output/json.json", "output/json_1_0.json", "output/rest-json.json" })
        {
            foreach (var suite in JsonNode.Parse(File.ReadAllText(Path.Combine(Vectors, file)))!.AsArray())
            {
                foreach (var c in suite!["cases"]!.AsArray().Where(c => c!["errorCode"] is not null))
                {
                    data.Add(file, (string)c!["id"]!);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ErrorVectors))]
    public void Should_Read_The_Error_Code_In_Each_Form_The_Vectors_Show_When_A_Json_Service_Fails(string file, string id)
    {
        // Given an error response of the vector (code in __type, code, or x-amzn-ErrorType; with namespace and URI)
        var (_, vector) = Vector(file, id);
        var response = vector["response"]!;
        var headers = response["headers"]!.AsObject().ToDictionary(h => h.Key, h => (string)h.Value!, StringComparer.OrdinalIgnoreCase);
        var body = Encoding.UTF8.GetBytes((string?)response["body"] ?? "");
        var protocol = file.Contains("rest-json", StringComparison.Ordinal) ? AwsProtocol.RestJson
            : file.Contains("1_0", StringComparison.Ordinal) ? AwsProtocol.Json10 : AwsProtocol.Json11;

        // When the transport's parser reads it
        var error = AwsErrorParser.Parse(protocol, (HttpStatusCode)(int)response["status_code"]!, headers, body);

        // Then the code is the bare shape name
        Assert.Equal((string)vector["errorCode"]!, error.Code);
    }

    [Fact]
    public void Should_Escape_The_Marker_As_The_Vector_Escapes_Query_Strings_When_Listing_Functions()
    {
        // Given the rest-json query escaping vector
        var (_, vector) = Vector("input/rest-json.json", "RestJsonQueryStringEscaping");
        var marker = (string)vector["params"]!["queryString"]!;
        var uri = (string)vector["serialized"]!["uri"]!;
        var escaped = uri[(uri.IndexOf("String=", StringComparison.Ordinal) + "String=".Length)..];

        // When ListFunctions continues from that marker
        var request = LambdaClient.ListFunctionsRequest("eu-west-1", marker);

        // Then the marker is escaped byte for byte like the vector, and the GET carries no body or content type
        Assert.Equal("/2015-03-31/functions?MaxItems=50&Marker=" + escaped, request.PathAndQuery);
        var (_, noInput) = Vector("input/rest-json.json", "RestJsonHttpGetWithNoInput");
        Assert.Equal((string)noInput["serialized"]!["method"]!, request.Method.Method);
        Assert.Equal((string)noInput["serialized"]!["body"]!, RecordingTransport.Text(request));
        Assert.Null(request.ContentType);
    }

    private static T Parse<T>(string json)
    {
        var request = AwsJson.Request(AwsService.Organizations, "us-east-1", "Test", null);
        return AwsJsonCall.Parse<T>(new AwsResponse(HttpStatusCode.OK, null, Encoding.UTF8.GetBytes(json), new Dictionary<string, string>()), request);
    }
}
