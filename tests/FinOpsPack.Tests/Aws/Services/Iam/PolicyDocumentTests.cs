using FinOpsPack.Core.Aws.Services.Iam;

namespace FinOpsPack.Tests.Aws.Services.Iam;

public sealed class PolicyDocumentTests
{
    [Fact]
    public void Should_Decode_Then_Parse_When_The_Document_Is_Url_Encoded()
    {
        // Given: what GetAccountAuthorizationDetails returns (RFC 3986: %20 for spaces, %2A for *)
        const string Encoded = "%7B%22Version%22%3A%20%222012-10-17%22%2C%20%22Statement%22%3A%20%5B%7B%22Effect%22%3A%20%22Allow%22%2C%20%22Action%22%3A%20%22bedrock%3A%2A%22%2C%20%22Resource%22%3A%20%22%2A%22%7D%5D%7D";

        // When
        var doc = PolicyDocument.FromUrlEncoded(Encoded);

        // Then
        Assert.Equal("""{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "bedrock:*", "Resource": "*"}]}""", doc.Json);
        var s = Assert.Single(doc.Statements);
        Assert.Equal(["bedrock:*"], s.Action);
        Assert.Equal(["*"], s.Resource);
        Assert.True(s.IsAllow);
    }

    [Fact]
    public void Should_Keep_Plus_Signs_When_Decoding_Because_Rfc3986_Encodes_Spaces_As_Percent20()
    {
        var doc = PolicyDocument.FromUrlEncoded(Uri.EscapeDataString("""{"Statement":{"Sid":"a+b","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::x+y/*"}}"""));

        Assert.Equal("a+b", doc.Statements[0].Sid);
        Assert.Equal(["arn:aws:s3:::x+y/*"], doc.Statements[0].Resource);
    }

    [Fact]
    public void Should_Take_The_Text_As_Json_When_It_Is_Not_Encoded()
    {
        // moto returns AssumeRolePolicyDocument as plain JSON; AWS encodes it like every other document.
        var doc = PolicyDocument.FromUrlEncoded("""{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""");

        Assert.Equal(["sts:AssumeRole"], doc.Statements[0].Action);
        Assert.Null(doc.Statements[0].Resource);
    }

    [Fact]
    public void Should_Normalise_Every_Form_When_Statements_Use_Strings_Arrays_And_Not_Elements()
    {
        // Given
        const string Json = """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Action":["bedrock:InvokeModel","s3:GetObject"],"Resource":["arn:aws:bedrock:*::foundation-model/*"]},
              {"Effect":"Allow","NotAction":"iam:*","NotResource":"arn:aws:s3:::secret/*"},
              {"Effect":"Deny","Action":"bedrock:*","Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":"us-east-1"}}},
              {"Effect":"Deny","Action":"bedrock:*","Resource":"*","Condition":{}}
            ]}
            """;

        // When
        var s = PolicyDocument.Parse(Json).Statements;

        // Then
        Assert.Equal(4, s.Count);
        Assert.Equal(["bedrock:InvokeModel", "s3:GetObject"], s[0].Action);
        Assert.Null(s[0].NotAction);
        Assert.Null(s[1].Action);
        Assert.Equal(["iam:*"], s[1].NotAction);
        Assert.Equal(["arn:aws:s3:::secret/*"], s[1].NotResource);
        Assert.True(s[2].IsDeny);
        Assert.True(s[2].HasCondition);
        Assert.False(s[3].HasCondition);
    }

    [Theory]
    [InlineData("%7B%22Statement%22")]
    [InlineData("[]")]
    [InlineData("""{"Statement":[{"Action":"s3:*"}]}""")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":42}]}""")]
    [InlineData("""{"Statement":[{"Effect":"Allow","Action":["s3:*",7]}]}""")]
    [InlineData("""{"Statement":["Allow"]}""")]
    [InlineData("%E0%A4%A")]
    public void Should_Throw_FormatException_When_The_Text_Is_Not_A_Policy(string text) =>
        Assert.Throws<FormatException>(() => PolicyDocument.FromUrlEncoded(text));
}
