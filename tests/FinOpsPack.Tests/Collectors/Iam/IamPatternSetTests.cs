using FinOpsPack.Core.Collectors.Iam;

namespace FinOpsPack.Tests.Collectors.Iam;

public sealed class IamPatternSetTests
{
    [Theory]
    [InlineData("bedrock:*", "bedrock:InvokeModel", true)]
    [InlineData("BEDROCK:invoke*", "bedrock:InvokeModel", true)]
    [InlineData("bed*:Invoke*", "bedrock:InvokeModelWithResponseStream", true)]
    [InlineData("bedrock:Invoke?odel", "bedrock:InvokeModel", true)]
    [InlineData("bedrock:Invoke?odel", "bedrock:InvokeModels", false)]
    [InlineData("*:*", "bedrock:ListFoundationModels", true)]
    [InlineData("s3:*", "bedrock:InvokeModel", false)]
    [InlineData("bedrock:Invoke", "bedrock:InvokeModel", false)]
    [InlineData("**", "", true)]
    public void Should_Match_Whole_Strings_Case_Insensitively_When_Wildcards_Appear_Anywhere(string pattern, string text, bool expected) =>
        Assert.Equal(expected, new IamPatternSet([[pattern]], ignoreCase: true).Matches(0, text));

    [Theory]
    [InlineData("*", true, true)]
    [InlineData("*:*", true, true)]
    [InlineData("bedrock:*", true, true)]
    [InlineData("b*", true, true)]
    [InlineData("bedrock*", true, true)]
    [InlineData("bedrock:?*", true, true)]
    [InlineData("bedrock:Invoke*", true, false)]
    [InlineData("bed*:Invoke*", true, false)]
    [InlineData("bedrock:InvokeModel", true, false)]
    [InlineData("bedrock-agent:*", false, false)]
    [InlineData("s3:*", false, false)]
    [InlineData("*:Get*", true, false)]
    [InlineData("bedrock:", false, false)]
    public void Should_Tell_Some_And_All_When_Asked_About_The_Bedrock_Prefix(string pattern, bool some, bool all)
    {
        var set = new IamPatternSet([[pattern]], ignoreCase: true);

        Assert.Equal(some, set.CanMatchAfter(0, "bedrock:"));
        Assert.Equal(all, set.MatchesAllAfter(0, "bedrock:"));
    }

    [Fact]
    public void Should_Cover_The_Prefix_When_Patterns_Only_Cover_It_Together()
    {
        // bedrock:?* alone covers every non-empty action; split between a one-letter and a longer pattern it still does.
        var set = new IamPatternSet([["bedrock:?", "bedrock:??*"]], ignoreCase: true);

        Assert.True(set.MatchesAllAfter(0, "bedrock:"));
    }

    [Fact]
    public void Should_Find_An_Action_Allowed_And_Not_Denied_When_Lists_Are_Combined()
    {
        // Allowed Invoke*, denied InvokeModel*: InvokeAgent survives. Denied Invoke* too: nothing survives.
        var partial = new IamPatternSet([["bedrock:Invoke*"], ["bedrock:InvokeModel*"]], ignoreCase: true);
        var full = new IamPatternSet([["bedrock:Invoke*"], ["bedrock:InvokeModel*", "bedrock:invoke*"]], ignoreCase: true);

        Assert.True(partial.Exists("bedrock:", m => m(0) && !m(1)));
        Assert.False(full.Exists("bedrock:", m => m(0) && !m(1)));
    }

    [Fact]
    public void Should_Respect_Case_When_Asked_To()
    {
        var set = new IamPatternSet([["arn:aws:bedrock:*"]], ignoreCase: false);

        Assert.True(set.CanMatchAfter(0, "arn:aws:bedrock:"));
        Assert.False(set.CanMatchAfter(0, "ARN:AWS:BEDROCK:"));
    }
}
