using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
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
    private int[] _nameLengths = [];

    public Redactor(byte[] key) => _pseudonyms = new Pseudonyms(key);

    public Pseudonyms Pseudonyms => _pseudonyms;

    public ScanResult Redact(ScanResult scan)
    {
        var root = JsonSerializer.SerializeToNode(scan, ScanJson.Options)!;
        Record(root, null, null);
        _nameLengths = [.. _names.Keys.Select(k => k.Length).Where(l => l >= MinNameInText).Distinct().OrderDescending()];
        var rewritten = Rewrite(root, null, null);
        return rewritten.Deserialize<ScanResult>(ScanJson.Options) ?? throw new JsonException("redaction produced no scan");
    }

    private static bool IsArnKey(string? key) => key is not null && (key == "arn" || key.EndsWith("Arn", StringComparison.Ordinal));

    /// <summary>A Name tag in a resource's tags, or quoted in a finding's evidence as <c>tag:Name</c>.</summary>
    private static bool IsNameTag(string? key, string? parentKey) =>
        (parentKey == "tags" && string.Equals(key, "Name", StringComparison.OrdinalIgnoreCase))
        || (key is not null && key.EndsWith(":Name", StringComparison.OrdinalIgnoreCase));

    private static bool IsIdentifying(string? key, string? parentKey) =>
        key is not null && (AccountKeys.Contains(key) || IdKeys.Contains(key) || NameKeys.Contains(key) || IsArnKey(key) || IsNameTag(key, parentKey));

    private void Record(JsonNode? node, string? key, string? parentKey)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, child) in o)
                {
                    Record(child, k, key);
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Record(item, IdListKeys.Contains(key ?? "") ? "id" : null, key);
                }

                break;
            case JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0 && IsIdentifying(key, parentKey):
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

    private JsonNode? Rewrite(JsonNode? node, string? key, string? parentKey)
    {
        switch (node)
        {
            case JsonObject o:
                var obj = new JsonObject();
                foreach (var (k, child) in o)
                {
                    obj[k] = Rewrite(child, k, key);
                }

                return obj;
            case JsonArray a:
                var arr = new JsonArray();
                foreach (var item in a)
                {
                    arr.Add(Rewrite(item, IdListKeys.Contains(key ?? "") ? "id" : null, key));
                }

                return arr;
            case JsonValue v when v.TryGetValue<string>(out var s):
                return JsonValue.Create(Replace(s, key, parentKey));
            default:
                return node?.DeepClone();
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
        if (_nameLengths.Length == 0 || text.Length < MinNameInText)
        {
            return text;
        }

        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        StringBuilder? sb = null;
        var last = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (!Boundary(text, i))
            {
                continue;
            }

            foreach (var length in _nameLengths)
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

    private static bool Boundary(string text, int i) =>
        i == 0 || i == text.Length || !(IsWord(text[i - 1]) && IsWord(text[i]));

    private static bool IsWord(char c) => char.IsLetterOrDigit(c) || c == '_';
}
