using System.Text.Json;

namespace FinOpsPack.Core.Rules;

/// <summary>
/// Check thresholds from the optional settings file (<c>--settings FILE</c>, JSON). Keys are <c>&lt;check id&gt;.&lt;name&gt;</c>,
/// written flat (<c>{"ebs_snapshot_orphaned.min_age_days": 180}</c>) or nested (<c>{"ebs_snapshot_orphaned": {"min_age_days": 180}}</c>).
/// Defaults live in code; <see cref="Problems"/> lists values of the wrong type and keys no check declares.
/// </summary>
public sealed class CheckSettings
{
    private readonly Dictionary<string, JsonElement> _values;
    private readonly List<string> _problems = [];

    private CheckSettings(Dictionary<string, JsonElement> values, string source)
    {
        _values = values;
        Source = source;
    }

    public static CheckSettings Empty { get; } = new([], "defaults");

    /// <summary>Where the values came from (the file path, or "defaults").</summary>
    public string Source { get; }

    public IReadOnlyCollection<string> Keys => _values.Keys;

    public IReadOnlyList<string> Problems
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    public static CheckSettings Load(string path) => Parse(File.ReadAllText(path), path);

    public static CheckSettings Parse(string json, string source = "settings")
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new CheckSettingsException($"{source}: not valid JSON ({e.Message})", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new CheckSettingsException(source + ": expected a JSON object of settings");
            }

            var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            Flatten(document.RootElement, "", values);
            return new CheckSettings(values, source);
        }
    }

    public T Get<T>(CheckSetting<T> setting)
        where T : notnull => Get(setting.Key, setting.Default);

    /// <summary>The file's value for <paramref name="key"/>, or <paramref name="defaultValue"/> if absent or of the wrong type (then noted in <see cref="Problems"/>).</summary>
    public T Get<T>(string key, T defaultValue)
        where T : notnull
    {
        if (!_values.TryGetValue(key, out var value))
        {
            return defaultValue;
        }

        if (TryConvert(value, out T? converted))
        {
            return converted!;
        }

        Problem($"{Source}: {key} should be {CheckSettingInfo.TypeName(typeof(T))}, found {value.GetRawText()}; using the default {CheckSettingInfo.Format(defaultValue)}");
        return defaultValue;
    }

    /// <summary>Keys in the file that no check declares (typos would otherwise be ignored silently).</summary>
    public IReadOnlyList<string> UnknownKeys(IEnumerable<string> declaredKeys)
    {
        var declared = declaredKeys.ToHashSet(StringComparer.Ordinal);
        return [.. _values.Keys.Where(k => !declared.Contains(k)).Order(StringComparer.Ordinal)];
    }

    private void Problem(string text)
    {
        lock (_problems)
        {
            if (!_problems.Contains(text))
            {
                _problems.Add(text);
            }
        }
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, JsonElement> values)
    {
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix.Length == 0 ? property.Name : prefix + "." + property.Name;
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Flatten(property.Value, key, values);
            }
            else
            {
                values[key] = property.Value.Clone();
            }
        }
    }

    private static bool TryConvert<T>(JsonElement value, out T? result)
    {
        object? converted = typeof(T) switch
        {
            var t when t == typeof(int) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var i) => i,
            var t when t == typeof(decimal) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var d) => d,
            var t when t == typeof(bool) && value.ValueKind is JsonValueKind.True or JsonValueKind.False => value.GetBoolean(),
            var t when t == typeof(string) && value.ValueKind == JsonValueKind.String => value.GetString(),
            var t when t.IsAssignableFrom(typeof(string[])) && value.ValueKind == JsonValueKind.Array
                && value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                value.EnumerateArray().Select(e => e.GetString()!).ToArray(),
            _ => null,
        };
        result = converted is T typed ? typed : default;
        return converted is T;
    }
}

public sealed class CheckSettingsException : Exception
{
    public CheckSettingsException(string message)
        : base(message)
    {
    }

    public CheckSettingsException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
