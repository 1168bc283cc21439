using System.Globalization;
using System.Text;
using FinOpsPack.Core.Rules;

namespace FinOpsPack.Core.Pricing;

/// <summary>
/// A monthly figure built from "quantity × rate" terms, each naming its SKU, region and source date, so the report can
/// print exactly how a saving was computed. If any rate is unknown the whole figure is unknown (never a partial sum).
/// </summary>
public sealed class CostFormula(IPriceSource prices, string region)
{
    private readonly List<Term> _terms = [];
    private readonly List<string> _missing = [];

    public string Region { get; } = region;

    public bool IsKnown => _missing.Count == 0 && _terms.Count > 0;

    /// <summary>The figure in the table's currency, or null when a rate is unknown.</summary>
    public decimal? Total => IsKnown ? _terms.Sum(t => t.Sign * t.Quantity * t.Quote.Price) : null;

    public string Currency => _terms.Count > 0 ? _terms[0].Quote.Currency : "USD";

    public IReadOnlyList<string> MissingPrices => _missing;

    public CostFormula Add(string label, decimal quantity, string quantityUnit, string sku) =>
        AddTerm(label, quantity, quantityUnit, sku, 1);

    public CostFormula Subtract(string label, decimal quantity, string quantityUnit, string sku) =>
        AddTerm(label, quantity, quantityUnit, sku, -1);

    /// <summary>Marks the figure unknown for a reason other than a missing price (e.g. a volume without its IOPS).</summary>
    public CostFormula Unknown(string reason)
    {
        if (!_missing.Contains(reason))
        {
            _missing.Add(reason);
        }

        return this;
    }

    /// <summary>e.g. <c>gp2 storage 100 GB × 0.1 USD/GB-month (ebs.gp2.storage, us-east-1, 2024-07-18) = 10.00 USD/month</c>.</summary>
    public string Describe()
    {
        if (!IsKnown)
        {
            return _missing.Count > 0
                ? "not computable in " + Region + ": " + string.Join(", ", _missing.Select(m => m.Contains(' ', StringComparison.Ordinal) ? m : "no verified price for " + m))
                : "nothing to price";
        }

        var text = new StringBuilder();
        foreach (var term in _terms)
        {
            if (text.Length > 0 || term.Sign < 0)
            {
                text.Append(term.Sign < 0 ? " − " : " + ");
            }

            text.Append(CultureInfo.InvariantCulture, $"{term.Label} {Number(term.Quantity)} {term.QuantityUnit} × {term.Quote.Describe()}");
        }

        text.Append(CultureInfo.InvariantCulture, $" = {Money.Round(Total!.Value):0.00} {Currency}/month");
        return text.ToString();
    }

    /// <summary>The saving as a price-table estimate, or an unknown one naming the missing price.</summary>
    public SavingsEstimate ToEstimate(string? note = null)
    {
        var basis = note is null ? Describe() : Describe() + "; " + note;
        return IsKnown
            ? new SavingsEstimate(Money.Round(Total!.Value), Currency, prices.Source, basis)
            : new SavingsEstimate(null, Currency, SavingsSource.Unknown, basis);
    }

    public static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private CostFormula AddTerm(string label, decimal quantity, string quantityUnit, string sku, int sign)
    {
        if (quantity == 0)
        {
            return this;
        }

        if (prices.Find(sku, Region) is { } quote)
        {
            _terms.Add(new Term(label, quantity, quantityUnit, quote, sign));
        }
        else if (!_missing.Contains(sku))
        {
            _missing.Add(sku);
        }

        return this;
    }

    private sealed record Term(string Label, decimal Quantity, string QuantityUnit, PriceQuote Quote, int Sign);
}
