using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Aws.Services;

/// <summary>
/// The AWS query-protocol test vectors (botocore <c>protocols/{input,output}/query.json</c>) for the encodings the RDS, IAM
/// and CloudWatch clients use: wrapped lists (<c>.member.N</c>), lists whose member has a locationName (RDS
/// <c>Filters.Filter.N</c>), flattened lists, nested structures, timestamps; and on the way back wrapped, renamed and
/// flattened XML lists, scalars and timestamps read by local name under <c>&lt;OpResult&gt;</c>.
/// The list-naming rule applied here is the one the clients apply by hand: flattened ⇒ <c>Name.N</c>, else
/// <c>Name.{member locationName ?? "member"}.N</c>.
/// </summary>
public sealed class QueryProtocolVectorTests
{
    private static readonly AwsService TestService = new("Test", "test", "test", "test", AwsProtocol.Query, "2020-01-08");

    public static TheoryData<string> InputCases => new()
    {
        "QuerySimpleInputParamsStrings", "QuerySimpleInputParamsStringAndBooleanTrue", "QuerySimpleInputParamsStringsAndBooleanFalse",
        "QuerySimpleInputParamsInteger", "NestedStructures", "QueryLists", "FlattenedQueryLists", "QueryListArgWithXmlNameMember",
        "QueryFlattenedListArgWithXmlName", "QueryNestedStructWithList", "QueryTimestampsInput", "QueryEnums",
    };

    public static TheoryData<string> OutputCases => new()
    {
        "QueryXmlLists", "QueryXmlEmptyLists", "QuerySimpleScalarProperties", "AwsQueryDateTimeWithFractionalSeconds",
        "AwsQueryDateTimeWithNegativeOffset", "AwsQueryDateTimeWithPositiveOffset", "QueryXmlTimestamps",
        "QueryXmlTimestampsWithDateTimeFormat", "QueryIgnoresWrappingXmlName", "QueryXmlEnums", "QueryXmlIntEnums",
    };

    [Theory]
    [MemberData(nameof(InputCases))]
    public void Should_Serialize_Like_The_Vector_When_Building_A_Query_Form(string id)
    {
        // Given
        var (suite, testCase) = Find("input", id);
        var shapes = suite["shapes"]!.AsObject();
        var operation = testCase["given"]!["name"]!.GetValue<string>();
        var form = new QueryForm(TestService, operation);

        // When
        var inputShape = testCase["given"]!["input"]!["shape"]!.GetValue<string>();
        foreach (var (name, value) in testCase["params"]!.AsObject())
        {
            var member = shapes[inputShape]!["members"]![name]!.AsObject();
            Serialize(form, member["locationName"]?.GetValue<string>() ?? name, value!, member, shapes);
        }

        // Then
        Assert.Equal(testCase["serialized"]!["body"]!.GetValue<string>(), form.Encode());
    }

    [Theory]
    [MemberData(nameof(OutputCases))]
    public void Should_Parse_Like_The_Vector_When_Reading_A_Query_Response(string id)
    {
        // Given
        var (suite, testCase) = Find("output", id);
        var shapes = suite["shapes"]!.AsObject();
        var operation = testCase["given"]!["name"]!.GetValue<string>();
        var request = new AwsRequest(TestService, "us-east-1", operation, HttpMethod.Post, "/", [], null);
        var body = testCase["response"]!["body"]!.GetValue<string>();
        var response = new AwsResponse(HttpStatusCode.OK, null, Encoding.UTF8.GetBytes(body), new Dictionary<string, string>());

        // When
        var result = AwsXml.Parse(response, request).Result(operation);
        var outputShape = testCase["given"]!["output"]!["shape"]!.GetValue<string>();
        var parsed = ReadStructure(result, shapes[outputShape]!.AsObject(), shapes);

        // Then (map members are left out on both sides: no response FinOps Pack reads has one)
        var expected = testCase["result"]!.DeepClone().AsObject();
        foreach (var (name, member) in shapes[outputShape]!["members"]!.AsObject())
        {
            if (shapes[member!["shape"]!.GetValue<string>()]!["type"]!.GetValue<string>() == "map")
            {
                expected.Remove(name);
            }
        }

        Assert.Equal(Normalize(expected), Normalize(parsed));
    }

    private static void Serialize(QueryForm form, string key, JsonNode value, JsonObject memberRef, JsonObject shapes)
    {
        var shape = shapes[memberRef["shape"]!.GetValue<string>()]!.AsObject();
        switch (shape["type"]!.GetValue<string>())
        {
            case "structure":
                foreach (var (name, v) in value.AsObject())
                {
                    var member = shape["members"]![name]!.AsObject();
                    Serialize(form, key + "." + (member["locationName"]?.GetValue<string>() ?? name), v!, member, shapes);
                }

                break;
            case "list":
                var flattened = memberRef["flattened"]?.GetValue<bool>() == true;
                var memberDef = shape["member"]!.AsObject();
                var prefix = flattened ? key : key + "." + (memberDef["locationName"]?.GetValue<string>() ?? "member");
                var items = value.AsArray();
                if (items.All(i => i is JsonValue))
                {
                    form.AddList(prefix, items.Select(i => Scalar(i!, shapes[memberDef["shape"]!.GetValue<string>()]!.AsObject())));
                    break;
                }

                for (var i = 0; i < items.Count; i++)
                {
                    Serialize(form, $"{prefix}.{i + 1}", items[i]!, memberDef, shapes);
                }

                break;
            default:
                form.Add(key, Scalar(value, shape));
                break;
        }
    }

    private static string Scalar(JsonNode value, JsonObject shape) => shape["type"]!.GetValue<string>() switch
    {
        "boolean" => value.GetValue<bool>() ? "true" : "false",
        "integer" or "long" => value.GetValue<long>().ToString(CultureInfo.InvariantCulture),
        "timestamp" when shape["timestampFormat"] is null =>
            new QueryForm(TestService, "X").Add("t", DateTimeOffset.FromUnixTimeSeconds(value.GetValue<long>())).Encode().Split("&t=")[1]
                .Replace("%3A", ":", StringComparison.Ordinal),
        "timestamp" => value.GetValue<long>().ToString(CultureInfo.InvariantCulture),
        _ => value.GetValue<string>(),
    };

    private static JsonObject ReadStructure(XElement? e, JsonObject shape, JsonObject shapes)
    {
        var result = new JsonObject();
        foreach (var (name, memberNode) in shape["members"]!.AsObject())
        {
            var member = memberNode!.AsObject();
            var xmlName = member["locationName"]?.GetValue<string>() ?? name;
            var memberShape = shapes[member["shape"]!.GetValue<string>()]!.AsObject();
            if (memberShape["type"]!.GetValue<string>() == "map")
            {
                // Maps are not part of any response FinOps Pack reads.
                continue;
            }

            if (memberShape["type"]!.GetValue<string>() == "list")
            {
                var items = member["flattened"]?.GetValue<bool>() == true
                    ? (e.Children(xmlName).Any() ? e.Children(xmlName) : null)
                    : e.Child(xmlName) is null ? null : ListItems(e.Child(xmlName)!, memberShape);
                if (items is not null)
                {
                    result[name] = new JsonArray([.. items.Select(i => ReadValue(i, shapes[memberShape["member"]!["shape"]!.GetValue<string>()]!.AsObject(), shapes))]);
                }
            }
            else if (e.Child(xmlName) is { } child)
            {
                result[name] = ReadValue(child, memberShape, shapes);
            }
        }

        return result;
    }

    private static IEnumerable<XElement> ListItems(XElement wrapper, JsonObject listShape) =>
        wrapper.Children(listShape["member"]!["locationName"]?.GetValue<string>() ?? "member");

    private static JsonNode? ReadValue(XElement e, JsonObject shape, JsonObject shapes) => shape["type"]!.GetValue<string>() switch
    {
        "structure" => ReadStructure(e, shape, shapes),
        "list" => new JsonArray([.. ListItems(e, shape).Select(i => ReadValue(i, shapes[shape["member"]!["shape"]!.GetValue<string>()]!.AsObject(), shapes))]),
        "boolean" => bool.Parse(e.Value),
        "integer" or "long" or "byte" or "short" => long.Parse(e.Value, CultureInfo.InvariantCulture),
        "float" or "double" => double.Parse(e.Value, CultureInfo.InvariantCulture),
        "timestamp" => DateTimeOffset.Parse(e.Value, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal).ToUnixTimeMilliseconds() / 1000m,
        _ => e.Value,
    };

    /// <summary>Numbers compared by value (1398796238 == 1398796238.0), objects by sorted keys.</summary>
    private static string Normalize(JsonNode node) => node switch
    {
        JsonObject o => "{" + string.Join(",", o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + ":" + Normalize(p.Value!))) + "}",
        JsonArray a => "[" + string.Join(",", a.Select(i => Normalize(i!))) + "]",
        JsonValue v when v.TryGetValue<decimal>(out var d) => d.ToString("0.###", CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<double>(out var f) => ((decimal)f).ToString("0.###", CultureInfo.InvariantCulture),
        JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
        _ => node.ToJsonString(),
    };

    private static (JsonObject Suite, JsonObject Case) Find(string direction, string id)
    {
        var suites = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.AwsFixtures, "protocol-tests", direction, "query.json")))!.AsArray();
        foreach (var suite in suites)
        {
            foreach (var c in suite!["cases"]!.AsArray())
            {
                if (c!["id"]!.GetValue<string>() == id)
                {
                    return (suite.AsObject(), c.AsObject());
                }
            }
        }

        throw new InvalidOperationException("no vector " + id);
    }
}
