
namespace FinOpsPack.Core.Collectors;

/// <summary>Every <see cref="ICollector"/> in this assembly, found by reflection (no hand-kept list).</summary>
public static class CollectorCatalog
{
    private static readonly Lazy<IReadOnlyList<ICollector>> Discovered = new(() =>
        [.. typeof(ICollector).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICollector).IsAssignableFrom(t))
            .Select(t => (ICollector)Activator.CreateInstance(t)!)
            .OrderBy(c => c.Name, StringComparer.Ordinal)]);

    public static IReadOnlyList<ICollector> All => Discovered.Value;

    public static ICollector? Find(string name) => All.FirstOrDefault(c => c.Name == name);

    /// <summary>Every IAM action any collector may call: the exact content of the read-only policy.</summary>
    public static IReadOnlyList<string> AllActions =>
        [.. All.SelectMany(c => c.RequiredActions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
