using FinOpsPack.Core.Rules;

namespace FinOpsPack.Core.Report;

/// <summary>Known savings first, largest first; then unknown; then risks; ties by service, resource and id.</summary>
internal sealed class FindingOrder : IComparer<Finding>
{
    public static readonly FindingOrder Instance = new();

    public int Compare(Finding? x, Finding? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        var c = Rank(x).CompareTo(Rank(y));
        if (c != 0)
        {
            return c;
        }

        c = (y.Savings.MonthlyAmount ?? 0).CompareTo(x.Savings.MonthlyAmount ?? 0);
        if (c != 0)
        {
            return c;
        }

        c = string.CompareOrdinal(x.Service, y.Service);
        c = c != 0 ? c : string.CompareOrdinal(x.ResourceId, y.ResourceId);
        return c != 0 ? c : string.CompareOrdinal(x.Id, y.Id);
    }

    private static int Rank(Finding f) =>
        f.Savings.Source == SavingsSource.NotApplicable ? 2 : f.Savings.MonthlyAmount is null ? 1 : 0;
}
