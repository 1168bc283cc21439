using System.Text.Json;
using FinOpsPack.Core.Report;
using FinOpsPack.Core.Scanning;
using FinOpsPack.SampleAccount.Dataset;

namespace FinOpsPack.Tests.Fleet;

public sealed class FleetRedactionTests
{
    [Fact]
    public async Task Should_Leave_No_Member_Account_Id_When_An_Organization_Scan_Is_Redacted()
    {
        // Given an organization scan with a gap whose reason quotes the refused role ARN
        await using var harness = await SampleOrganization.StartAsync();
        var scan = await ShardMergeTests.OrgScanAsync(harness, "org", null);

        // When it is redacted
        var redacted = JsonSerializer.Serialize(new Redactor(Pseudonyms.NewKey()).Redact(scan), ScanJson.Options);

        // Then no account id of the organization remains anywhere
        foreach (var id in new[] { SampleDataset.DefaultAccountId, SampleDataset.ProdAccountId, SampleDataset.DevAccountId, SampleDataset.LegacyAccountId })
        {
            Assert.DoesNotContain(id, redacted, StringComparison.Ordinal);
        }
    }
}
