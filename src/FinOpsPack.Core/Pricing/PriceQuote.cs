using System.Globalization;

namespace FinOpsPack.Core.Pricing;

/// <summary>One unit price with where it comes from, so every computed figure can name its source.</summary>
/// <param name="Sku">The tool's SKU name, e.g. <c>ebs.gp2.storage</c>.</param>
/// <param name="Unit">What one unit is, e.g. <c>GB-month</c>, <c>hour</c>.</param>
/// <param name="SourceDate">Publication date of the AWS feed the price was read from.</param>
/// <param name="RateCode">AWS's SKU.OfferTermCode.RateCode, to re-check against the Price List API.</param>
/// <param name="Status"><c>verified</c> or <c>conflict</c> (sources disagreed; the newer one is used).</param>
public sealed record PriceQuote(
    string Sku,
    string Region,
    string Unit,
    decimal Price,
    string Currency,
    string Source,
    string SourceDate,
    string? RateCode,
    string Status)
{
    /// <summary>The unit without the table's qualifier, e.g. <c>GB-second</c> for <c>GB-second (first tier: …)</c>.</summary>
    public string BillingUnit => Unit.Split(" (")[0];

    /// <summary>e.g. <c>0.1 USD/GB-month (ebs.gp2.storage, us-east-1, 2024-07-18)</c>.</summary>
    public string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"{Price:0.##########} {Currency}/{BillingUnit} ({Sku}, {Region}, {SourceDate})");
}
