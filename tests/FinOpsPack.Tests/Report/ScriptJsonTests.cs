using System.Text;
using System.Text.Json;
using FinOpsPack.Core.Report;

namespace FinOpsPack.Tests.Report;

public sealed class ScriptJsonTests
{
    [Theory]
    [InlineData("</script><script>alert(1)</script>")]
    [InlineData("<!-- <script>")]
    [InlineData("a & b > c")]
    [InlineData("line\u2028sep\u2029end")]
    [InlineData("quote \" backslash \\ tab \t cr \r nl \n nul \0")]
    [InlineData("emoji 😀 and é")]
    public void Should_RoundTripWithoutHtmlSignificantCharacters_When_Escaping(string value)
    {
        var sb = new StringBuilder();

        ScriptJson.AppendString(sb, value);

        var json = sb.ToString();
        Assert.Equal(value, JsonSerializer.Deserialize<string>(json));
        Assert.DoesNotContain('<', json);
        Assert.DoesNotContain('>', json);
        Assert.DoesNotContain('&', json);
        Assert.DoesNotContain('\u2028', json);
        Assert.DoesNotContain('\u2029', json);
        Assert.DoesNotContain(json.Trim('"'), c => c < ' ');
    }

    [Fact]
    public void Should_EscapeLoneSurrogates_When_TheyCannotBeEncoded()
    {
        var sb = new StringBuilder();

        ScriptJson.AppendString(sb, "a\ud800b");

        Assert.Equal("\"a\\ud800b\"", sb.ToString());
    }

    [Fact]
    public void Should_WriteNull_When_AValueIsMissing()
    {
        var sb = new StringBuilder();

        ScriptJson.AppendString(sb, null);
        sb.Append(',');
        ScriptJson.AppendNumber(sb, null);
        sb.Append(',');
        ScriptJson.AppendNumber(sb, 12.50m);

        Assert.Equal("null,null,12.50", sb.ToString());
    }
}
