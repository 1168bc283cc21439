using FinOpsPack.Core.Aws;
using System.Text.Json;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Scanning;

public sealed class ScanEngineTests
{
    [Fact]
    public async Task Should_Assume_The_Role_And_Write_An_Audit_Header_When_The_External_Id_Is_Right()
    {
        // Given the sample account
        await using var harness = await SampleAccountHarness.StartAsync();
        var request = harness.Request();

        // When a scan runs
        var result = await harness.ScanAsync(request);

        // Then the role was assumed and the trail starts with who looked
        Assert.Equal($"arn:aws:sts::123456789012:assumed-role/finops-pack-readonly/{request.SessionName}", result.Scan.AssumedRoleArn);
        Assert.Equal("arn:aws:iam::999988887777:user/finops-consultant", result.Scan.CallerArn);
        var lines = await File.ReadAllLinesAsync(Path.Combine(request.OutputDirectory, "audit.jsonl"));
        using var header = JsonDocument.Parse(lines[0]);
        Assert.Equal("header", header.RootElement.GetProperty("record").GetString());
        Assert.Equal(request.ExternalId.Fingerprint, header.RootElement.GetProperty("externalIdFingerprint").GetString());
        Assert.Contains(lines, l => l.Contains("\"operation\":\"AssumeRole\"", StringComparison.Ordinal));
        Assert.Equal(harness.Server.Served, lines.Length - 1);
    }

    [Fact]
    public async Task Should_Refuse_With_An_Access_Error_Naming_The_Fingerprint_When_The_External_Id_Is_Wrong()
    {
        // Given the sample account and a wrong External ID
        await using var harness = await SampleAccountHarness.StartAsync();
        var request = harness.Request(externalId: "not-the-review-external-id");

        // When a scan runs
        var e = await Assert.ThrowsAsync<AccessException>(() => harness.ScanAsync(request));

        // Then the message names the fingerprint and never the secret
        Assert.Contains(request.ExternalId.Fingerprint, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-review-external-id", e.Message, StringComparison.Ordinal);
        Assert.Contains("trust policy", e.Message, StringComparison.Ordinal);
    }
}
