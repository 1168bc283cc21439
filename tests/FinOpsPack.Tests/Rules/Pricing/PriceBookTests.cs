using System.Text.Json;
using FinOpsPack.Core.Pricing;
using FinOpsPack.Core.Rules;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Rules.Pricing;

public sealed class PriceBookTests
{
    private static readonly string[] RequiredRegions =
    [
        "us-east-1", "us-east-2", "us-west-1", "us-west-2", "eu-west-1", "eu-west-2", "eu-central-1", "eu-north-1",
        "ap-southeast-1", "ap-southeast-2", "ap-northeast-1", "ap-south-1", "ca-central-1", "sa-east-1",
    ];

    private readonly PriceBook _book = PriceBook.Shipped;

    [Theory]
    [InlineData("ebs.gp2.storage", "us-east-1", "0.1", "GB-month", "2024-07-18")]
    [InlineData("ebs.gp3.storage", "us-east-1", "0.08", "GB-month", "2024-07-18")]
    [InlineData("ebs.gp2.storage", "sa-east-1", "0.19", "GB-month", "2024-07-18")]
    [InlineData("ebs.snapshot.standard", "eu-north-1", "0.0475", "GB-month", "2024-07-18")]
    [InlineData("vpc.public_ipv4.idle", "eu-west-1", "0.005", "hour", "2025-11-04")]
    [InlineData("vpc.nat_gateway.hours", "ap-northeast-1", "0.062", "hour", "2025-10-28")]
    [InlineData("lambda.arm64.duration", "us-east-1", "0.0000133334", "GB-second", "2025-10-30")]
    [InlineData("rds.postgresql.gp2.storage.single_az", "us-east-1", "0.115", "GB-month", "2024-09-28")]
    public void Should_Return_The_Published_Price_When_The_Sku_Is_Known(string sku, string region, string price, string unit, string sourceDate)
    {
        var quote = _book.Find(sku, region);

        Assert.NotNull(quote);
        Assert.Equal(decimal.Parse(price, System.Globalization.CultureInfo.InvariantCulture), quote.Price);
        Assert.Equal(unit, quote.BillingUnit);
        Assert.Equal(sourceDate, quote.SourceDate);
        Assert.Equal("USD", quote.Currency);
        Assert.False(string.IsNullOrEmpty(quote.RateCode));
        Assert.Contains("b0.p.awsstatic.com", quote.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Describe_The_Source_When_A_Quote_Is_Printed() =>
        Assert.Equal("0.1 USD/GB-month (ebs.gp2.storage, us-east-1, 2024-07-18)", _book.Find("ebs.gp2.storage", "us-east-1")!.Describe());

    [Fact]
    public void Should_Know_No_Price_When_The_Record_Is_Unverified()
    {
        // sa-east-1 io2 is absent from AWS's feed: unknown, and no other region is substituted
        Assert.Null(_book.Find("ebs.io2.storage", "sa-east-1"));
        Assert.Null(_book.Find("ebs.io2.iops.tier1", "sa-east-1"));
        Assert.NotNull(_book.Find("ebs.io2.storage", "us-east-1"));
    }

    [Fact]
    public void Should_Use_The_Newer_Source_When_The_Record_Is_In_Conflict()
    {
        var quote = _book.Find("ebs.sc1.storage", "af-south-1");

        Assert.Equal(0.0199m, quote!.Price);
        Assert.Equal("conflict", quote.Status);
    }

    [Fact]
    public void Should_Know_No_Price_When_The_Sku_Or_Region_Is_Absent()
    {
        Assert.Null(_book.Find("ebs.gp2.storage", "xx-nowhere-1"));
        Assert.Null(_book.Find("ec2.m5.large", "us-east-1"));
    }

    [Fact]
    public void Should_Price_Every_Sku_The_Checks_Use_When_In_A_Required_Region()
    {
        string[] skus =
        [
            "ebs.gp2.storage", "ebs.gp3.storage", "ebs.gp3.iops", "ebs.gp3.throughput", "ebs.io1.storage", "ebs.io1.iops",
            "ebs.st1.storage", "ebs.sc1.storage", "ebs.standard.storage", PriceSkus.SnapshotStandard, PriceSkus.SnapshotArchive,
            PriceSkus.PublicIpv4Idle, PriceSkus.NatGatewayHours, PriceSkus.NatGatewayDataProcessed, PriceSkus.LambdaX86Duration,
            PriceSkus.LambdaArmDuration, PriceSkus.RdsStorage("postgres", "gp3", false)!, PriceSkus.RdsStorage("mysql", "io1", true)!,
        ];

        foreach (var region in RequiredRegions)
        {
            Assert.All(skus, sku => Assert.True(_book.Find(sku, region) is not null, sku + " in " + region));
        }
    }

    [Fact]
    public void Should_Match_The_Shared_Price_Table_When_Trimmed_From_It()
    {
        // The shipped table is a subset of the shared one: same prices, sources, dates and rate codes
        var shared = Path.Combine(RepoPaths.Shared, "pricing", "prices.json");
        Assert.True(File.Exists(shared), shared);
        using var document = JsonDocument.Parse(File.ReadAllText(shared));
        var source = document.RootElement.GetProperty("prices").EnumerateArray()
            .ToDictionary(r => (r.GetProperty("sku").GetString()!, r.GetProperty("region").GetString()!));

        Assert.NotEmpty(_book.Quotes);
        foreach (var quote in _book.Quotes)
        {
            var record = source[(quote.Sku, quote.Region)];
            Assert.Equal(record.GetProperty("price").GetDecimal(), quote.Price);
            Assert.Equal(record.GetProperty("source_date").GetString(), quote.SourceDate);
            Assert.Equal(record.GetProperty("source").GetString(), quote.Source);
            if (record.TryGetProperty("rate_code", out var rateCode))
            {
                Assert.Equal(rateCode.GetString(), quote.RateCode);
            }
        }
    }

    [Fact]
    public void Should_Show_Every_Term_When_A_Formula_Is_Described()
    {
        var formula = new CostFormula(_book, "us-east-1")
            .Add("gp2 storage", 100, "GB", "ebs.gp2.storage")
            .Subtract("gp3 storage", 100, "GB", "ebs.gp3.storage");

        Assert.Equal(2.00m, formula.Total);
        Assert.Equal(
            "gp2 storage 100 GB × 0.1 USD/GB-month (ebs.gp2.storage, us-east-1, 2024-07-18) − gp3 storage 100 GB × 0.08 USD/GB-month (ebs.gp3.storage, us-east-1, 2024-07-18) = 2.00 USD/month",
            formula.Describe());
    }

    [Fact]
    public void Should_Be_Unknown_Not_Partial_When_One_Rate_Is_Missing()
    {
        var estimate = new CostFormula(_book, "sa-east-1")
            .Add("io2 storage", 100, "GB", "ebs.io2.storage")
            .Add("gp3 storage", 100, "GB", "ebs.gp3.storage")
            .ToEstimate();

        Assert.Null(estimate.MonthlyAmount);
        Assert.Equal(SavingsSource.Unknown, estimate.Source);
        Assert.Contains("no verified price for ebs.io2.storage", estimate.Basis, StringComparison.Ordinal);
    }
}
