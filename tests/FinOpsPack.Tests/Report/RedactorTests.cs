using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CsvHelper;
using FinOpsPack.Core.Report;

namespace FinOpsPack.Tests.Report;

public sealed partial class RedactorTests
{
    /// <summary>Identifying values planted in the fixture: accounts, resource ids, ARNs' names, resource and tag names.</summary>
    public static readonly TheoryData<string> Originals =
    [
        "123456789012", "210987654321", "456789012345", "345678901234",
        "i-0a1b2c3d4e5f60718", "i-0fedcba9876543210", "i-0123abcd4567ef890", "vol-0123456789abcdef0", "vol-0c0ffee0c0ffee001",
        "vol-0d00d00d00d00d00d", "snap-00000000a11ce0000", "eipalloc-0a1b2c3d4e5f67890", "203.0.113.25", "nat-0a1b2c3d4e5f67890",
        "vpc-0a1b2c3d4e5f67890", "subnet-0a1b2c3d4e5f67890", "ami-0abc12345def67890", "db-ABCDEFGHIJKLMNOPQRSTUVWXY1", "o-a1b2c3d4e5",
        "AROAEXAMPLEID12345678",
        "orders-db", "orders-db-pre-migration-2023", "checkout-api", "thumbnailer", "invoice-export", "acme-prod-logs-123456789012",
        "acme-ml-datasets", "BedrockChatbot", "BedrockBoundary", "DataScienceNotebook", "ml-engineer@acme", "FinOpsPackReadOnly",
        "consultant-jane", "finops-pack-rev-2026-09-14-7f3a", "acme-prod", "acme-data", "acme-management", "web-golden-2024-11",
        "etl-scratch", "legacy-vpn", "staging-nat", "nightly-03",
        "<img src=x onerror=alert(1)>", "\"><script>alert(1)</script>", "<img src=x onerror=window.__xss=1>",
        "\"><script>window.__xss=1</script>", "</script><script>window.__xss=1</script><!--",
    ];

    private static readonly Lazy<Task<Outputs>> Redacted = new(() => WriteAsync(redact: true));

    private sealed record Outputs(ReportFiles Files, string HtmlText, string CsvText, string JsonText);

    [Theory]
    [MemberData(nameof(Originals))]
    public async Task Should_LeaveNoOriginalIdentifier_When_Redacting(string original)
    {
        var outputs = await Redacted.Value;

        Assert.DoesNotContain(original, outputs.HtmlText, StringComparison.Ordinal);
        Assert.DoesNotContain(original, outputs.CsvText, StringComparison.Ordinal);
        Assert.DoesNotContain(original, outputs.JsonText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_LeaveNoAccountIdOrResourceIdPattern_When_Redacting()
    {
        var outputs = await Redacted.Value;

        foreach (var text in new[] { outputs.HtmlText, outputs.CsvText, outputs.JsonText })
        {
            Assert.Empty(TwelveDigits().Matches(text).Select(m => m.Value));
            Assert.Empty(AwsResourceId().Matches(text).Select(m => m.Value));
        }
    }

    [Fact]
    public async Task Should_FindTheOriginalsUnredacted_When_NotRedacting()
    {
        // Guards the test above: the same scan without --redact does contain the identifiers it looks for.
        var outputs = await WriteAsync(redact: false);

        Assert.Contains("vol-0123456789abcdef0", outputs.HtmlText, StringComparison.Ordinal);
        Assert.Contains("acme-prod-logs-123456789012", outputs.JsonText, StringComparison.Ordinal);
        Assert.Contains("<img src=x onerror=alert(1)>", outputs.CsvText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_UseTheSamePseudonymInEveryOutput_When_RedactingOneReport()
    {
        var outputs = await Redacted.Value;
        var pseudonyms = new Pseudonyms(ReportFixture.RedactionKey);

        foreach (var original in new[] { "vol-0123456789abcdef0", "i-0a1b2c3d4e5f60718", "123456789012" })
        {
            var pseudonym = pseudonyms.For(original);
            Assert.Contains(pseudonym, outputs.HtmlText, StringComparison.Ordinal);
            Assert.Contains(pseudonym, outputs.CsvText, StringComparison.Ordinal);
            Assert.Contains(pseudonym, outputs.JsonText, StringComparison.Ordinal);
        }

        var name = pseudonyms.For("<img src=x onerror=alert(1)>");
        Assert.Contains(name + " (" + pseudonyms.For("i-0a1b2c3d4e5f60718") + ")", outputs.HtmlText, StringComparison.Ordinal);
        Assert.Contains(pseudonyms.Arn("arn:aws:iam::123456789012:role/FinOpsPackReadOnly"), outputs.JsonText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_ReplaceShortNames_When_TheyStandAsAWholeValue()
    {
        // "+1" is too short to hunt for inside free text, but as a Name tag or a tag:Name evidence value it is replaced.
        var p = new Pseudonyms(ReportFixture.RedactionKey);

        var redacted = new Redactor(ReportFixture.RedactionKey).Redact(await ReportFixture.LoadAsync());

        var finding = redacted.Findings.Single(f => f.ResourceId == p.For("vol-0123456789abcdef0"));
        Assert.Equal(p.Name("+1"), finding.ResourceName);
        Assert.Equal(p.Name("+1"), finding.Evidence["tag:Name"]);
        Assert.Equal(p.Name("+1"), redacted.Inventory.EbsVolumes.Single(v => v.VolumeId == p.For("vol-0123456789abcdef0")).Tags["Name"]);
        Assert.Equal("cc-4410", redacted.Inventory.EbsVolumes[0].Tags["CostCenter"]);
    }

    [Fact]
    public void Should_BeStableForOneKeyAndDifferAcrossKeys_When_Pseudonymising()
    {
        var a = new Pseudonyms(ReportFixture.RedactionKey);
        var b = new Pseudonyms(ReportFixture.RedactionKey);
        var other = new Pseudonyms(Pseudonyms.NewKey());

        Assert.Equal(a.For("vol-0123456789abcdef0"), b.For("vol-0123456789abcdef0"));
        Assert.NotEqual(a.For("vol-0123456789abcdef0"), other.For("vol-0123456789abcdef0"));
        Assert.NotEqual(a.For("vol-0123456789abcdef0"), a.For("vol-0123456789abcdef1"));
        Assert.Matches("^vol-r[0-9a-f]{10}$", a.For("vol-0123456789abcdef0"));
        Assert.Matches("^acct-[0-9a-f]{10}$", a.For("123456789012"));
        Assert.Matches("^name-[0-9a-f]{10}$", a.For("orders-db"));
    }

    [Fact]
    public void Should_KeepServiceRegionAndType_When_PseudonymisingAnArn()
    {
        var p = new Pseudonyms(ReportFixture.RedactionKey);

        var arn = p.Arn("arn:aws:ec2:eu-west-1:123456789012:volume/vol-0123456789abcdef0");

        Assert.Equal("arn:aws:ec2:eu-west-1:" + p.Account("123456789012") + ":volume/" + p.For("vol-0123456789abcdef0"), arn);
        Assert.Equal("arn:aws:iam::aws:policy/AmazonBedrockFullAccess", p.Arn("arn:aws:iam::aws:policy/AmazonBedrockFullAccess"));
        Assert.Equal("arn:aws:s3:::" + p.Name("acme-ml-datasets"), p.Arn("arn:aws:s3:::acme-ml-datasets"));
    }

    [Fact]
    public async Task Should_KeepFiguresAndRegions_When_Redacting()
    {
        var original = await ReportFixture.LoadAsync();

        var redacted = new Redactor(ReportFixture.RedactionKey).Redact(original);

        Assert.NotNull(redacted.Savings);
        Assert.Equal(original.Savings, redacted.Savings with { MonthlyByCategory = original.Savings!.MonthlyByCategory, MonthlyByService = original.Savings.MonthlyByService });
        Assert.Equal(original.Findings.Select(f => f.Savings), redacted.Findings.Select(f => f.Savings).Select((s, i) => s with { Basis = original.Findings[i].Savings.Basis }));
        Assert.Equal(original.Findings.Select(f => f.Region), redacted.Findings.Select(f => f.Region));
        Assert.Equal(original.Scan.ExternalIdFingerprint, redacted.Scan.ExternalIdFingerprint);
        Assert.Equal(original.Scan.ReviewId, redacted.Scan.ReviewId);
        Assert.Equal(
            redacted.Findings.Single(f => f.CheckId == "ebs_volume_gp2_to_gp3").SupersededBy,
            redacted.Findings.Single(f => f.CheckId == "ec2_instance_idle").Id);
    }

    private static async Task<Outputs> WriteAsync(bool redact)
    {
        var (files, _) = await ReportFixture.WriteAsync(redact);
        return new Outputs(files, HtmlText(files.Html), CsvText(files.Csv), JsonText(files.ScanJson));
    }

    /// <summary>Everything a reader of the page sees or a script can read: text, attribute values and the decoded JSON.</summary>
    private static string HtmlText(string path)
    {
        var doc = new HtmlParser().ParseDocument(File.ReadAllText(path));
        var attributes = doc.All.SelectMany(e => e.Attributes).Select(a => a.Value);
        var json = JsonStrings(JsonDocument.Parse(doc.GetElementById("findings-data")!.TextContent).RootElement);
        return string.Join("\n", [doc.DocumentElement.TextContent, .. attributes, .. json]);
    }

    private static string CsvText(string path)
    {
        using var csv = new CsvReader(new StringReader(File.ReadAllText(path)), CultureInfo.InvariantCulture);
        var cells = new List<string>();
        while (csv.Read())
        {
            cells.AddRange(csv.Parser.Record!);
        }

        return string.Join("\n", cells);
    }

    private static string JsonText(string path) =>
        string.Join("\n", JsonStrings(JsonDocument.Parse(File.ReadAllText(path)).RootElement));

    private static IEnumerable<string> JsonStrings(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => [e.GetString()!],
        JsonValueKind.Array => e.EnumerateArray().SelectMany(JsonStrings),
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => JsonStrings(p.Value).Prepend(p.Name)),
        _ => [],
    };

    [GeneratedRegex(@"(?<![0-9])[0-9]{12}(?![0-9])")]
    private static partial Regex TwelveDigits();

    [GeneratedRegex(@"\b(i|vol|snap|ami|eipalloc|nat|vpc|subnet)-[0-9a-f]{8,17}\b")]
    private static partial Regex AwsResourceId();
}
