namespace FinOpsPack.Core.Pricing;

public static class Money
{
    /// <summary>Cents, rounding half away from zero as invoices do.</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
