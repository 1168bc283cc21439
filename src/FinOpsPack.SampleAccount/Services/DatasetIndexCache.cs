using System.Runtime.CompilerServices;
using FinOpsPack.SampleAccount.Dataset;

namespace FinOpsPack.SampleAccount.Services;

/// <summary>
/// One index per dataset, built on first use and rebuilt whenever the dataset's lists have changed size (tests may add
/// resources to a dataset before serving it); <paramref name="shape"/> names the counts the index depends on.
/// </summary>
internal sealed class DatasetIndexCache<T>(Func<SampleDataset, T> build, Func<SampleDataset, object> shape)
{
    private readonly ConditionalWeakTable<SampleDataset, Entry> _entries = [];

    public T For(SampleDataset data) =>
        _entries.TryGetValue(data, out var entry) && entry.Shape.Equals(shape(data)) ? entry.Index : Rebuild(data);

    /// <summary>Builds the index again, whatever the counts say (an item was replaced in place).</summary>
    public T Rebuild(SampleDataset data)
    {
        var entry = new Entry(shape(data), build(data));
        _entries.AddOrUpdate(data, entry);
        return entry.Index;
    }

    private sealed record Entry(object Shape, T Index);
}
