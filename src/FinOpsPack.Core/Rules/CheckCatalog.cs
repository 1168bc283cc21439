namespace FinOpsPack.Core.Rules;

/// <summary>Every <see cref="ICheck"/> in this assembly, found by reflection (no hand-kept list), ordered by id.</summary>
public static class CheckCatalog
{
    private static readonly Lazy<IReadOnlyList<ICheck>> Discovered = new(() =>
        [.. typeof(ICheck).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICheck).IsAssignableFrom(t))
            .Select(t => (ICheck)Activator.CreateInstance(t)!)
            .OrderBy(c => c.Metadata.Id, StringComparer.Ordinal)]);

    public static IReadOnlyList<ICheck> All => Discovered.Value;

    public static ICheck? Find(string id) => All.FirstOrDefault(c => c.Metadata.Id == id);

    /// <summary>Every settings key any check declares.</summary>
    public static IReadOnlyList<CheckSettingInfo> AllSettings =>
        [.. All.SelectMany(c => c.Metadata.Settings).OrderBy(s => s.Key, StringComparer.Ordinal)];
}
