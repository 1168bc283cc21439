using System.Globalization;
using FinOpsPack.Core.Aws.Protocol;

namespace FinOpsPack.Tests.Aws.Protocol;

public sealed class TimeAndTokenTests
{
    [Theory]
    [InlineData("2024-05-01T10:00:00Z")]
    [InlineData("2024-05-01T10:00:00.1Z")]
    [InlineData("2024-05-01T10:00:00.123Z")]
    [InlineData("2024-02-29T23:59:59.9999999Z")]
    [InlineData("2024-05-01T10:00:00+02:00")]
    [InlineData("2024-05-01T10:00:00")]
    [InlineData("2024-05-01 10:00:00Z")]
    [InlineData("Wed, 01 May 2024 10:00:00 GMT")]
    public void Should_Read_A_Time_Exactly_As_The_General_Parser_When_Given_Any_Shape(string s)
    {
        var expected = DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

        var actual = AwsXml.ParseTime(s);

        Assert.Equal((expected.UtcTicks, expected.Offset), (actual.UtcTicks, actual.Offset));
    }

    [Theory]
    [InlineData("2023-02-29T10:00:00Z")]
    [InlineData("2024-13-01T10:00:00Z")]
    [InlineData("2024-05-01T25:00:00.5Z")]
    [InlineData("2024-05-0xT10:00:00Z")]
    [InlineData("yesterday")]
    [InlineData("")]
    public void Should_Throw_A_Format_Error_When_A_Time_Is_Garbage(string s) =>
        Assert.Throws<FormatException>(() => AwsXml.ParseTime(s));

    [Theory]
    [InlineData("2024-05-01T10:00:00.Z")]
    [InlineData("2024-05-01T10:00:60Z")]
    [InlineData("2024-05-01T24:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void Should_Agree_With_The_General_Parser_When_A_Time_Is_On_The_Edge(string s)
    {
        static object Outcome(Func<DateTimeOffset> parse)
        {
            try
            {
                return parse().UtcTicks;
            }
            catch (FormatException)
            {
                return "FormatException";
            }
        }

        Assert.Equal(
            Outcome(() => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)),
            Outcome(() => AwsXml.ParseTime(s)));
    }

    [Fact]
    public void Should_Share_One_Instance_When_A_Short_Token_Repeats()
    {
        var a = new string("running-token-test".AsSpan());
        var b = new string("running-token-test".AsSpan());

        Assert.Same(TokenPool.Shared(a), TokenPool.Shared(b));
        Assert.Null(TokenPool.Shared(null));
    }

    [Fact]
    public void Should_Not_Pool_A_Value_When_It_Is_Long()
    {
        var longValue = new string('x', TokenPool.MaxLength + 1);

        Assert.Same(longValue, TokenPool.Shared(longValue));
    }
}
