using FinOpsPack.Core.Rules;

namespace FinOpsPack.Core.Pricing;

/// <summary>
/// Where unit prices come from. Today only the shipped <see cref="PriceBook"/> implements it; a Price List API source
/// (pricing:GetProducts, looked up by each record's rate code) can be added behind this seam without touching the checks.
/// </summary>
public interface IPriceSource
{
    /// <summary>What findings priced from this source name as their savings source.</summary>
    SavingsSource Source { get; }

    /// <summary>The price of <paramref name="sku"/> in <paramref name="region"/>, or null when no verified price is known.</summary>
    PriceQuote? Find(string sku, string region);
}
