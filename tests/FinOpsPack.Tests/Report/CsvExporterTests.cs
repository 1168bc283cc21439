using System.Globalization;
using CsvHelper;
using FinOpsPack.Core.Report;
using FinOpsPack.Core.Rules;

namespace FinOpsPack.Tests.Report;

public sealed class CsvExporterTests
{
    private static async Task<string> ExportAsync(IEnumerable<Finding> findings)
    {
        await using var writer = new StringWriter();
        await CsvExporter.WriteAsync(findings, writer, CancellationToken.None);
        return writer.ToString();
    }

    private static List<string[]> Parse(string csv)
    {
        using var reader = new CsvReader(new StringReader(csv), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Parser.Record!);
        }

        return rows;
    }

    private static Finding Named(string name) => new(
        "f1", "ebs_volume_unattached", "Unattached EBS volume", CheckCategory.Waste, Severity.Medium, "EBS", "AWS::EC2::Volume",
        "vol-0123456789abcdef0", null, name, "123456789012", "eu-west-1", "Delete", "Volume " + name,
        new SavingsEstimate(12.5m, "USD", SavingsSource.PriceTable, "100 GiB"), new Dictionary<string, string>());

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\",\"x\")")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("@SUM(1)")]
    [InlineData("\t=1+1")]
    [InlineData("\r=1+1")]
    public async Task Should_PrefixAQuote_When_ACellStartsLikeAFormula(string name)
    {
        var rows = Parse(await ExportAsync([Named(name)]));

        var cell = rows[1][Array.IndexOf([.. CsvExporter.Header], "ResourceName")];
        Assert.Equal("'" + name, cell);
    }

    [Fact]
    public async Task Should_LeaveOrdinaryCellsAlone_When_TheyDoNotStartLikeAFormula()
    {
        var rows = Parse(await ExportAsync([Named("web-1 = prod")]));

        Assert.Equal("web-1 = prod", rows[1][9]);
        Assert.Equal("Volume web-1 = prod", rows[1][13]);
        Assert.Equal("12.50", rows[1][14]);
        Assert.Equal("150.00", rows[1][15]);
        Assert.Equal("USD", rows[1][16]);
    }

    [Fact]
    public async Task Should_NeutraliseEveryFormulaCell_When_ExportingTheFixture()
    {
        var scan = await ReportFixture.LoadAsync();

        var rows = Parse(await ExportAsync(scan.Findings));

        Assert.Equal(scan.Findings.Count + 1, rows.Count);
        Assert.Equal(CsvExporter.Header, rows[0]);
        foreach (var cell in rows.Skip(1).SelectMany(r => r))
        {
            Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0], StringComparison.Ordinal), "formula-like cell: " + cell);
        }

        var names = rows.Skip(1).Select(r => r[9]).ToList();
        Assert.Contains("'+1", names);
        Assert.Contains("'-1", names);
        Assert.Contains("'@SUM(1)", names);
        Assert.Contains("'\t=1+1", names);
        Assert.Contains("'\r=1+1", names);
    }

    [Fact]
    public async Task Should_WriteUnknown_When_TheSavingIsUnknown()
    {
        var scan = await ReportFixture.LoadAsync();

        var rows = Parse(await ExportAsync(scan.Findings));

        var lambda = rows.Single(r => r[7] == "invoice-export");
        Assert.Equal("unknown", lambda[14]);
        Assert.Equal("unknown", lambda[15]);
        Assert.Equal("Unknown", lambda[17]);
        var risk = rows.First(r => r[17] == "NotApplicable");
        Assert.Equal("n/a", risk[14]);
    }
}
