using System.Text.Json;
using System.Xml.Linq;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Services.Ec2;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Tests.Aws.Services.Ec2;

/// <summary>
/// The AWS EC2-protocol test vectors (botocore's <c>protocols/{input,output}/ec2.json</c>) for the encodings the EC2
/// client relies on: flattened <c>Prefix.N</c> lists, structure lists, nested members, booleans and integers in the
/// form; <c>xxxSet/item</c> lists, namespaces, empty elements and timestamps in responses.
/// </summary>
public sealed class Ec2ProtocolVectorTests
{
    private static readonly Lazy<List<JsonElement>> Inputs = new(() => Cases("input"));
    private static readonly Lazy<List<JsonElement>> Outputs = new(() => Cases("output"));

    private static List<JsonElement> Cases(string direction) =>
        [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(Testing.RepoPaths.AwsFixtures, "protocol-tests", direction, "ec2.json")))
            .RootElement.EnumerateArray().SelectMany(suite => suite.GetProperty("cases").EnumerateArray())];

    private static JsonElement Case(Lazy<List<JsonElement>> cases, string id) =>
        cases.Value.Single(c => c.GetProperty("id").GetString() == id);

    [Theory]
    [InlineData("Ec2QueryEmptyInputAndEmptyOutput")]
    [InlineData("Ec2Lists")]
    [InlineData("Ec2EmptyQueryLists")]
    [InlineData("Ec2ListArgWithXmlNameMember")]
    [InlineData("Ec2ListNestedStructWithList")]
    [InlineData("Ec2NestedStructures")]
    [InlineData("Ec2SimpleInputParamsStrings")]
    [InlineData("Ec2SimpleInputParamsStringAndBooleanTrue")]
    [InlineData("Ec2SimpleInputParamsStringsAndBooleanFalse")]
    [InlineData("Ec2SimpleInputParamsInteger")]
    [InlineData("Ec2XmlNameIsUppercased")]
    public void Should_Serialize_The_Body_The_Vector_Expects_When_Building_An_Ec2_Form(string id)
    {
        // Given a serializer vector
        var vector = Case(Inputs, id);
        var service = new AwsService("Test", "test", "test", "test", AwsProtocol.Ec2Query, "2020-01-08");

        // When its parameters are written with QueryForm and the EC2 list helpers the client uses
        var form = new QueryForm(service, vector.GetProperty("given").GetProperty("name").GetString()!);
        Write(form, "", vector.GetProperty("params"));
        var request = form.ToRequest("us-east-1");

        // Then the body carries the same fields (the vectors compare parsed query strings, so order is not significant)
        var serialized = vector.GetProperty("serialized");
        Assert.Equal(Pairs(serialized.GetProperty("body").GetString()!), Pairs(form.Encode()));
        Assert.Equal(serialized.GetProperty("method").GetString(), request.Method.Method);
        Assert.Equal(serialized.GetProperty("uri").GetString(), request.PathAndQuery);
        Assert.StartsWith(serialized.GetProperty("headers").GetProperty("Content-Type").GetString()!, request.ContentType, StringComparison.Ordinal);
    }

    /// <summary>EC2 names members with their first letter upper-cased and flattens every list as <c>Name.N</c>.</summary>
    private static void Write(QueryForm form, string prefix, JsonElement value)
    {
        foreach (var member in value.EnumerateObject())
        {
            var key = prefix + char.ToUpperInvariant(member.Name[0]) + member.Name[1..];
            var v = member.Value;
            switch (v.ValueKind)
            {
                case JsonValueKind.String:
                    form.Add(key, v.GetString());
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    form.Add(key, v.GetBoolean());
                    break;
                case JsonValueKind.Number:
                    form.Add(key, v.GetInt32());
                    break;
                case JsonValueKind.Array when v.EnumerateArray().All(x => x.ValueKind == JsonValueKind.String):
                    form.AddList(key, v.EnumerateArray().Select(x => x.GetString()!));
                    break;
                case JsonValueKind.Array:
                    form.AddStructList(key, v.EnumerateArray(), (f, p, item) => Write(f, p + ".", item));
                    break;
                case JsonValueKind.Object:
                    Write(form, key + ".", v);
                    break;
                default:
                    throw new InvalidOperationException("unsupported vector value " + v.ValueKind);
            }
        }
    }

    private static List<string> Pairs(string body) =>
        [.. body.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).Order(StringComparer.Ordinal)];

    [Fact]
    public void Should_Write_Filters_As_The_Structure_List_Vector_Does_When_Filtering()
    {
        // Given the structure-list vector's shape (ComplexListArg.N.Hi), which Filter.N.Name follows
        var service = new AwsService("Test", "test", "test", "test", AwsProtocol.Ec2Query, "2020-01-08");

        // When two filters are written
        var body = new QueryForm(service, "DescribeThings")
            .AddFilters([new Ec2Filter("tag:env", "prod", "dev"), new Ec2Filter("state", "available")])
            .Encode();

        // Then each is numbered from 1, its values numbered from 1 under it
        Assert.Equal(
            "Action=DescribeThings&Version=2020-01-08&Filter.1.Name=tag%3Aenv&Filter.1.Value.1=prod&Filter.1.Value.2=dev"
            + "&Filter.2.Name=state&Filter.2.Value.1=available",
            body);
    }

    [Theory]
    [InlineData("Ec2QueryDateTimeWithNegativeOffset")]
    [InlineData("Ec2QueryDateTimeWithPositiveOffset")]
    [InlineData("Ec2QueryDateTimeWithFractionalSeconds")]
    [InlineData("Ec2XmlTimestamps")]
    public void Should_Read_Timestamps_As_The_Vector_Expects_When_Parsing_A_Response(string id)
    {
        // Given a timestamp vector
        var (root, result) = Response(id);
        var member = result.EnumerateObject().Single();

        // When the timestamp is read as the client reads launchTime, createTime, startTime
        var at = root.Time(member.Name)!.Value;

        // Then it is the vector's instant (epoch seconds, fractions kept)
        Assert.Equal((decimal)member.Value.GetDouble(), at.ToUnixTimeMilliseconds() / 1000m);
    }

    [Fact]
    public void Should_Read_Structure_Lists_Of_Items_When_Parsing_The_Xml_Lists_Vector()
    {
        // Given the XML lists vector
        var (root, result) = Response("Ec2XmlLists");

        // When its item lists are read as the client reads xxxSet/item
        var structures = root.Items("myStructureList").Select(i => new { a = i.Text("value"), b = i.Text("other") });
        var renamed = root.Items("renamed").Select(i => i.Value);

        // Then they are the vector's structureList and renamedListMembers
        Assert.Equal(result.GetProperty("structureList").EnumerateArray().Select(s => new { a = s.Str("a"), b = s.Str("b") }), structures);
        Assert.Equal(result.GetProperty("renamedListMembers").EnumerateArray().Select(s => s.GetString()), renamed);
    }

    [Fact]
    public void Should_Read_Empty_Lists_As_Empty_When_Parsing_The_Empty_Lists_Vector()
    {
        // Given the empty lists vector (<stringList/> and <stringSet></stringSet>)
        var (root, result) = Response("Ec2XmlEmptyLists");

        // When they are read as lists
        // Then they are empty, as the vector says, and a list that is absent altogether reads as empty too
        Assert.Empty(result.GetProperty("stringList").EnumerateArray());
        Assert.Empty(root.Items("stringList"));
        Assert.Empty(root.Items("stringSet"));
        Assert.Empty(root.Items("noSuchSet"));
    }

    [Fact]
    public void Should_Read_By_Local_Name_When_Elements_Carry_Other_Namespaces()
    {
        // Given the namespaces vector (members in three different namespaces)
        var (root, result) = Response("Ec2XmlNamespaces");

        // When it is read by local name
        var nested = root.Child("nested");

        // Then the namespaces do not matter
        Assert.Equal(result.GetProperty("nested").Str("foo"), nested.Text("foo"));
        Assert.Equal(result.GetProperty("nested").GetProperty("values").EnumerateArray().Select(v => v.GetString()),
            nested.Child("values").Children("member").Select(m => m.Value));
    }

    [Fact]
    public void Should_Keep_Empty_Strings_And_Read_Scalars_When_Parsing_The_Simple_Scalars_Vector()
    {
        // Given the simple scalar vector
        var (root, result) = Response("Ec2SimpleScalarProperties");

        // When its members are read with the helpers the client uses
        // Then an empty element is "" (not null), and booleans and numbers are the vector's
        Assert.Equal(result.Str("stringValue"), root.Text("stringValue"));
        Assert.Equal("", root.Text("emptyStringValue"));
        Assert.Equal(result.Str("emptyStringValue"), root.Text("emptyStringValue"));
        Assert.True(root.Bool("trueBooleanValue"));
        Assert.False(root.Bool("falseBooleanValue"));
        Assert.Equal(result.GetProperty("integerValue").GetInt32(), root.Int("integerValue"));
        Assert.Equal(result.GetProperty("longValue").GetInt64(), root.Long("longValue"));
        Assert.Equal(result.GetProperty("doubleValue").GetDouble(), root.Double("DoubleDribble"));
        Assert.Null(root.Text("absentValue"));
    }

    private static (XElement Root, JsonElement Result) Response(string id)
    {
        var vector = Case(Outputs, id);
        var body = System.Text.Encoding.UTF8.GetBytes(vector.GetProperty("response").GetProperty("body").GetString()!);
        var request = new AwsRequest(AwsService.Ec2, "us-east-1", "Vector", HttpMethod.Post, "/", [], null);
        var root = AwsXml.Parse(new AwsResponse(System.Net.HttpStatusCode.OK, null, body, new Dictionary<string, string>()), request);
        return (root, vector.GetProperty("result"));
    }
}
