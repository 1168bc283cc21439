using System.Buffers;
using System.Text;
using System.Text.Json;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Core.Report;

/// <summary>
/// <c>--redact</c>: rewrites a whole scan so that account IDs, ARNs, resource IDs and names become stable pseudonyms.
/// It works on the scan.json document itself (every string in it), so the redacted scan.json, the HTML and the CSV
/// rendered from the redacted scan all carry the same pseudonym for the same input.
/// First pass: values under identifying keys (and Name tags) are recorded. Second pass: those values are replaced
/// whole, and every other string is scanned for the recorded values, then for any other ARN, account id or resource id.
/// </summary>
public sealed class Redactor
{
    /// <summary>Names shorter than this are replaced where they are a whole value, not inside free text.</summary>
    public const int MinNameInText = 3;

    private static readonly HashSet<string> AccountKeys = new(StringComparer.Ordinal) { "accountId", "masterAccountId", "linkedAccount" };

    private static readonly HashSet<string> IdKeys = new(StringComparer.Ordinal)
    {
        "id", "resourceId", "instanceId", "volumeId", "snapshotId", "allocationId", "associationId", "networkInterfaceId",
        "natGatewayId", "vpcId", "subnetId", "imageId", "dbiResourceId", "publicIp", "userId", "supersededBy",
        "recommendationId", "anomalyId",
    };

    private static readonly HashSet<string> NameKeys = new(StringComparer.Ordinal)
    {
        "name", "resourceName", "functionName", "clusterName", "serviceName", "dbInstanceIdentifier", "dbSnapshotIdentifier",
        "dbClusterIdentifier", "sessionName",
    };

    private static readonly HashSet<string> IdListKeys = new(StringComparer.Ordinal) { "volumeIds", "snapshotIds", "attachedInstanceIds" };

    private readonly Pseudonyms _pseudonyms;
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private Dictionary<int, int[]> _lengthsByPrefix = [];

    public Redactor(byte[] key) => _pseudonyms = new Pseudonyms(key);

    public Pseudonyms Pseudonyms => _pseudonyms;

    public ScanResult Redact(ScanResult scan)
    {
        // Bytes and JsonDocument rather than JsonNode: a 50,000-finding scan redacts in seconds, not tens of seconds.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(scan, ScanJson.Options);
        using var document = JsonDocument.Parse(bytes);
        Record(document.RootElement, null, null);
        IndexNames();
        var buffer = new ArrayBufferWriter<byte>(bytes.Length + (bytes.Length / 8));
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Rewrite(document.RootElement, null, null, writer);
        }

        return JsonSerializer.Deserialize<ScanResult>(buffer.WrittenSpan, ScanJson.Options)
            ?? throw new JsonException("redaction produced no scan");
    }

    private static bool IsArnKey(string? key) => key is not null && (key == "arn" || key.EndsWith("Arn", StringComparison.Ordinal));

    /// <summary>A Name tag in a resource's tags, or quoted in a finding's evidence as <c>tag:Name</c>.</summary>
    private static bool IsNameTag(string? key, string? parentKey) =>
        (parentKey == "tags" && string.Equals(key, "Name", StringComparison.OrdinalIgnoreCase))
        || (key is not null && key.EndsWith(":Name", StringComparison.OrdinalIgnoreCase));

    private static bool IsIdentifying(string? key, string? parentKey) =>
        key is not null && (AccountKeys.Contains(key) || IdKeys.Contains(key) || NameKeys.Contains(key) || IsArnKey(key) || IsNameTag(key, parentKey));

    private void Record(JsonElement element, string? key, string? parentKey)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Record(property.Value, property.Name, key);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Record(item, IdListKeys.Contains(key ?? "") ? "id" : null, key);
                }

                break;
            case JsonValueKind.String when IsIdentifying(key, parentKey) && element.GetString() is { Length: > 0 } s:
                _names[s] = _pseudonyms.For(s);
                if (s.StartsWith("arn:", StringComparison.Ordinal))
                {
                    RecordArnParts(s);
                }

                break;
        }
    }

    /// <summary>A role's or bucket's name inside its ARN may also appear alone in free text.</summary>
    private void RecordArnParts(string arn)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length < 6 || parts[4] == "aws")
        {
            return;
        }

        foreach (var segment in parts[5].Split('/', ':').Skip(parts[5].Contains('/', StringComparison.Ordinal) || parts[5].Contains(':', StringComparison.Ordinal) ? 1 : 0))
        {
            if (segment.Length >= MinNameInText + 1)
            {
                _names.TryAdd(segment, _pseudonyms.For(segment));
            }
        }
    }

    private void Rewrite(JsonElement element, string? key, string? parentKey, Utf8JsonWriter writer)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(property.Name);
                    Rewrite(property.Value, property.Name, key, writer);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Rewrite(item, IdListKeys.Contains(key ?? "") ? "id" : null, key, writer);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(Replace(element.GetString()!, key, parentKey));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private string Replace(string value, string? key, string? parentKey)
    {
        if (value.Length == 0)
        {
            return value;
        }

        if (IsIdentifying(key, parentKey))
        {
            return _pseudonyms.For(value);
        }

        return _pseudonyms.InText(ReplaceNames(value));
    }

    /// <summary>
    /// Replaces recorded values (names, ids, whole ARNs) that stand as whole tokens, longest first, so a bucket name that
    /// holds an account id, or an ARN that holds a role name, keeps the pseudonym of the whole.
    /// </summary>
    private string ReplaceNames(string text)
    {
        if (_lengthsByPrefix.Count == 0 || text.Length < MinNameInText)
        {
            return text;
        }

        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        StringBuilder? sb = null;
        var last = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 >= text.Length || !Boundary(text, i) || !_lengthsByPrefix.TryGetValue(Prefix(text[i], text[i + 1]), out var lengths))
            {
                continue;
            }

            foreach (var length in lengths)
            {
                var end = i + length;
                if (end > text.Length || !Boundary(text, end) || !lookup.TryGetValue(text.AsSpan(i, length), out var pseudonym))
                {
                    continue;
                }

                sb ??= new StringBuilder(text.Length + 16);
                sb.Append(text, last, i - last).Append(pseudonym);
                last = end;
                i = end - 1;
                break;
            }
        }

        return sb is null ? text : sb.Append(text, last, text.Length - last).ToString();
    }

    /// <summary>Candidate lengths per first two characters, longest first, so most positions cost one lookup.</summary>
    private void IndexNames() =>
        _lengthsByPrefix = _names.Keys.Where(k => k.Length >= MinNameInText)
            .GroupBy(k => Prefix(k[0], k[1]))
            .ToDictionary(g => g.Key, g => g.Select(k => k.Length).Distinct().OrderDescending().ToArray());

    private static int Prefix(char first, char second) => (first << 16) | second;

    private static bool Boundary(string text, int i) =>
        i == 0 || i == text.Length || !(IsWord(text[i - 1]) && IsWord(text[i]));

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_';
}
