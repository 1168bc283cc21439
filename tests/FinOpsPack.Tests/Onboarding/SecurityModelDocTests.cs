using System.Text.RegularExpressions;
using FinOpsPack.Core.Onboarding;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Onboarding;

/// <summary>docs/security-model.md tells the customer what is read and what is denied: it must say what the code does.</summary>
public sealed partial class SecurityModelDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "security-model.md"));

    [Fact]
    public void Should_List_Exactly_The_Policy_Actions_When_Saying_What_Is_Read()
    {
        var section = Regex.Match(Doc, "<!-- policy-actions:start -->(.*)<!-- policy-actions:end -->", RegexOptions.Singleline).Groups[1].Value;
        var listed = Action().Matches(section).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var policy = ReadOnlyPolicy.Current.AllowedPatterns.ToHashSet(StringComparer.Ordinal);

        Assert.True(policy.IsSubsetOf(listed), "granted but not listed in docs/security-model.md: " + string.Join(", ", policy.Except(listed)));
        Assert.True(listed.IsSubsetOf(policy), "listed in docs/security-model.md but not granted: " + string.Join(", ", listed.Except(policy)));
    }

    [Fact]
    public void Should_Name_Every_Denied_Data_Read_When_Saying_What_Can_Never_Happen()
    {
        Assert.All(ForbiddenActions.DataPlaneReads, a => Assert.Contains($"`{a}`", Doc, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"`([a-z0-9-]+:[A-Za-z]+)`")]
    private static partial Regex Action();
}
