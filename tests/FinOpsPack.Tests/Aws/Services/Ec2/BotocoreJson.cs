using System.Globalization;
using System.Text.Json;

namespace FinOpsPack.Tests.Aws.Services.Ec2;

/// <summary>Reads botocore's parsed results (the <c>.json</c> beside each response sample) for field-by-field comparison.</summary>
internal static class BotocoreJson
{
    public static JsonElement Load(string responseSample) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Testing.RepoPaths.AwsFixtures, "response-samples", responseSample))).RootElement;

    /// <summary>A member as text (numbers and booleans as written), null when botocore has no such member.</summary>
    public static string? Str(this JsonElement e, params string[] path)
    {
        foreach (var name in path)
        {
            if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty(name, out e))
            {
                return null;
            }
        }

        return e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Null => null,
            _ => e.GetRawText(),
        };
    }

    public static int? Int(this JsonElement e, params string[] path) =>
        e.Str(path) is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : null;

    public static bool? Bool(this JsonElement e, params string[] path) =>
        e.Str(path) is { } s ? bool.Parse(s) : null;

    public static DateTimeOffset? Time(this JsonElement e, params string[] path) =>
        e.Str(path) is { } s ? DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;

    public static IReadOnlyList<JsonElement> List(this JsonElement e, string name) =>
        e.TryGetProperty(name, out var list) ? [.. list.EnumerateArray()] : [];

    public static Dictionary<string, string> Tags(this JsonElement e) =>
        e.List("Tags").ToDictionary(t => t.Str("Key")!, t => t.Str("Value") ?? "", StringComparer.Ordinal);
}
