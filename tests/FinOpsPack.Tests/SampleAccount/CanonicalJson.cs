using System.Text.Json;
using System.Text.Json.Nodes;

namespace FinOpsPack.Tests.SampleAccount;

/// <summary>Deep, order-insensitive-for-maps comparison of records (tag dictionaries compare by content, not reference).</summary>
internal static class CanonicalJson
{
    public static string Of<T>(T value) => Sort(JsonSerializer.SerializeToNode(value))?.ToJsonString() ?? "null";

    public static IReadOnlyList<string> Each<T>(IEnumerable<T> values) => [.. values.Select(Of)];

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => KeyValuePair.Create(p.Key, Sort(p.Value?.DeepClone())))),
        JsonArray a => new JsonArray([.. a.Select(x => Sort(x?.DeepClone()))]),
        _ => node?.DeepClone(),
    };
}
