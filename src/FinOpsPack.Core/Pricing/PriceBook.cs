using System.Text.Json;
using FinOpsPack.Core.Rules;

namespace FinOpsPack.Core.Pricing;

/// <summary>
/// The dated list-price table shipped with the tool (<c>Pricing/prices.json</c>, an embedded resource): AWS On-Demand
/// list prices for the few SKUs the checks use, each record with its source, source date and rate code. A record whose
/// price is null (<c>unverified</c>) is unknown: <see cref="Find"/> returns null and no other region is substituted.
/// </summary>
public sealed class PriceBook : IPriceSource
{
    private const string ResourceName = "pricing/prices.json";

    private static readonly Lazy<PriceBook> ShippedBook = new(LoadShipped);

    private readonly Dictionary<(string Sku, string Region), PriceQuote> _quotes;

    private PriceBook(string currency, string generated, Dictionary<(string, string), PriceQuote> quotes, int records)
    {
        Currency = currency;
        Generated = generated;
        _quotes = quotes;
        RecordCount = records;
    }

    /// <summary>The table shipped inside the tool.</summary>
    public static PriceBook Shipped => ShippedBook.Value;

    public string Currency { get; }

    public SavingsSource Source => SavingsSource.PriceTable;

    /// <summary>When the table was generated (its records carry their own source dates).</summary>
    public string Generated { get; }

    /// <summary>Records in the table, priced or not.</summary>
    public int RecordCount { get; }

    /// <summary>Priced records.</summary>
    public IReadOnlyCollection<PriceQuote> Quotes => _quotes.Values;

    public PriceQuote? Find(string sku, string region) =>
        _quotes.TryGetValue((sku, region), out var quote) ? quote : null;

    public static PriceBook Load(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var currency = root.GetProperty("currency").GetString() ?? throw new InvalidDataException("price table has no currency");
        var generated = root.TryGetProperty("generated", out var g) ? g.GetString() ?? "" : "";
        var quotes = new Dictionary<(string, string), PriceQuote>();
        var records = 0;
        foreach (var record in root.GetProperty("prices").EnumerateArray())
        {
            records++;
            if (ReadQuote(record, currency) is { } quote)
            {
                quotes[(quote.Sku, quote.Region)] = quote;
            }
        }

        return new PriceBook(currency, generated, quotes, records);
    }

    private static PriceQuote? ReadQuote(JsonElement record, string currency)
    {
        var status = Text(record, "status") ?? "verified";
        if (!record.TryGetProperty("price", out var price) || price.ValueKind != JsonValueKind.Number || status == "unverified")
        {
            return null;
        }

        return new PriceQuote(
            Text(record, "sku") ?? throw new InvalidDataException("price record without sku"),
            Text(record, "region") ?? throw new InvalidDataException("price record without region"),
            Text(record, "unit") ?? "",
            price.GetDecimal(),
            currency,
            Text(record, "source") ?? "",
            Text(record, "source_date") ?? "",
            Text(record, "rate_code"),
            status);
    }

    private static string? Text(JsonElement record, string name) =>
        record.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static PriceBook LoadShipped()
    {
        using var stream = typeof(PriceBook).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("embedded price table " + ResourceName + " is missing from the build");
        return Load(stream);
    }
}
