using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Rules;

namespace FinOpsPack.Tests.Rules;

/// <summary>A fact that needs every collector the checks name; it skips visibly while some are not built yet.</summary>
public sealed class FullCatalogueFactAttribute : FactAttribute
{
    public FullCatalogueFactAttribute()
    {
        var missing = EvidenceNames.Known.Keys.Where(name => CollectorCatalog.Find(name) is null).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            Skip = "needs the collectors " + string.Join(", ", missing);
        }
    }
}
