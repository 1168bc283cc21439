using System.Text.RegularExpressions;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Rules;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Rules;

public sealed partial class CheckCatalogTests
{
    public static TheoryData<string> CheckIds() => [.. CheckCatalog.All.Select(c => c.Metadata.Id)];

    [Fact]
    public void Should_Find_Every_Check_When_Scanning_The_Assembly()
    {
        // The catalogue is found by reflection: the brief's checks must all be there
        Assert.True(CheckCatalog.All.Count >= 23, "checks found: " + CheckCatalog.All.Count);
        Assert.Equal(CheckCatalog.All.Count, CheckCatalog.All.Select(c => c.Metadata.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(CheckIds))]
    public void Should_Name_The_Check_After_Its_Class_And_File_When_Declared(string id)
    {
        var check = CheckCatalog.Find(id)!;
        var type = check.GetType();

        Assert.Equal(SnakeCase(type.Name), id);
        Assert.Matches(IdPattern(), id);
        Assert.StartsWith("FinOpsPack.Core.Rules.", type.Namespace, StringComparison.Ordinal);
        var folder = type.Namespace!["FinOpsPack.Core.Rules.".Length..];
        Assert.True(File.Exists(Path.Combine(RepoPaths.Root, "src", "FinOpsPack.Core", "Rules", folder, type.Name + ".cs")), $"Rules/{folder}/{type.Name}.cs");
        Assert.True(type.IsSealed);
    }

    [Theory]
    [MemberData(nameof(CheckIds))]
    public void Should_Have_Complete_Metadata_When_Listed(string id)
    {
        var meta = CheckCatalog.Find(id)!.Metadata;

        Assert.False(string.IsNullOrWhiteSpace(meta.Title));
        Assert.True(meta.Title.Length <= 150);
        Assert.False(meta.Title.StartsWith("Ensure", StringComparison.Ordinal));
        Assert.False(string.IsNullOrWhiteSpace(meta.Service));
        Assert.False(string.IsNullOrWhiteSpace(meta.ResourceType));
        Assert.InRange(meta.Description.Length, 20, 400);
        Assert.InRange(meta.SavingsMethod.Length, 20, 400);
        Assert.InRange(meta.Remediation.Length, 20, 400);
        Assert.NotEmpty(meta.RequiredEvidence);
        Assert.True(Enum.IsDefined(meta.Category));
        Assert.True(Enum.IsDefined(meta.Severity));
        Assert.All(meta.Settings, s => Assert.StartsWith(id + ".", s.Key, StringComparison.Ordinal));
        Assert.All(meta.Settings, s => Assert.False(string.IsNullOrWhiteSpace(s.Description)));
    }

    [Theory]
    [MemberData(nameof(CheckIds))]
    public void Should_Name_Only_Existing_Collectors_When_Declaring_Evidence(string id)
    {
        var meta = CheckCatalog.Find(id)!.Metadata;

        Assert.All(meta.AllEvidence, e => Assert.True(IsKnownCollector(e), e + " is not a collector"));
        Assert.Empty(meta.RequiredEvidence.Intersect(meta.OptionalEvidence));
    }

    /// <summary>
    /// The collector catalog is the truth for every service it has collectors for. While a service's collectors are still
    /// being built (none of that service in the catalog yet), the agreed name list stands in; once all exist it is inert.
    /// </summary>
    private static bool IsKnownCollector(string name)
    {
        var catalog = CollectorCatalog.All.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var services = catalog.Select(Service).ToHashSet(StringComparer.Ordinal);
        return catalog.Contains(name) || (!services.Contains(Service(name)) && EvidenceNames.Known.ContainsKey(name));
    }

    private static string Service(string collector) => collector.Split('.')[0];

    [Fact]
    public void Should_Agree_With_The_Collector_Scopes_When_Collectors_Exist()
    {
        foreach (var collector in CollectorCatalog.All.Where(c => EvidenceNames.Known.ContainsKey(c.Name)))
        {
            Assert.Equal(collector.Scope, EvidenceNames.Known[collector.Name]);
        }
    }

    [Fact]
    public void Should_Keep_Setting_Keys_Unique_When_Listing_All_Settings()
    {
        var keys = CheckCatalog.AllSettings.Select(s => s.Key).ToList();

        Assert.Equal(keys.Count, keys.Distinct().Count());
    }

    [Theory]
    [InlineData("EbsVolumeGp2ToGp3", "ebs_volume_gp2_to_gp3")]
    [InlineData("Ec2ElasticIpUnassociated", "ec2_elastic_ip_unassociated")]
    [InlineData("S3BucketNoLifecycleRules", "s3_bucket_no_lifecycle_rules")]
    public void Should_Convert_Class_Names_When_Snake_Casing(string name, string expected) =>
        Assert.Equal(expected, SnakeCase(name));

    private static string SnakeCase(string name) => SnakeBoundary().Replace(name, "$1_$2").ToLowerInvariant();

    [GeneratedRegex("([a-z0-9])([A-Z])")]
    private static partial Regex SnakeBoundary();

    [GeneratedRegex("^[a-z0-9]+(_[a-z0-9]+){2,}$")]
    private static partial Regex IdPattern();
}
