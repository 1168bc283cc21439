using System.Text.RegularExpressions;
using FinOpsPack.Core.Onboarding;

namespace FinOpsPack.Tests.Onboarding;

public sealed class ExternalIdGeneratorTests
{
    [Fact]
    public void Should_Draw_At_Least_32_Characters_Sts_Accepts_When_Generated()
    {
        var id = ExternalIdGenerator.Generate();
        Assert.True(id.Length >= 32, id.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Matches("^[A-Za-z0-9+=,.@:/-]+$", id);
        Assert.Equal(id, FinOpsPack.Core.Aws.ExternalId.Parse(id).Value);

        // The template's own AllowedPattern (CloudFormation matches the whole value).
        Assert.Matches("^" + CloudFormationTemplate.ExternalIdPattern + "$", id);
    }

    [Fact]
    public void Should_Use_The_Whole_Alphabet_And_Never_Repeat_When_Generated_Many_Times()
    {
        // 300 ids of 48 characters: 14,400 draws over 69 symbols, about 209 of each; a missing symbol would mean a biased source.
        var ids = Enumerable.Range(0, 300).Select(_ => ExternalIdGenerator.Generate()).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        var seen = ids.SelectMany(i => i).ToHashSet();
        Assert.Equal(ExternalIdGenerator.Alphabet.ToHashSet(), seen);
    }

    [Theory]
    [InlineData(31)]
    [InlineData(1225)]
    public void Should_Refuse_When_The_Length_Is_Out_Of_Range(int length) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ExternalIdGenerator.Generate(length));

    [Fact]
    public void Should_Allow_Only_Characters_The_Template_Accepts_When_Choosing_The_Alphabet()
    {
        Assert.All(ExternalIdGenerator.Alphabet, c => Assert.Matches(new Regex("^" + CloudFormationTemplate.ExternalIdPattern + "$"), c.ToString()));
    }
}
