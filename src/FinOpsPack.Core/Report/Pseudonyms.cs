using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace FinOpsPack.Core.Report;

/// <summary>
/// Stable pseudonyms from an HMAC-SHA256 keyed per report run: the same input gives the same pseudonym for as long as
/// the key lives, and without the key the input cannot be recovered by trying likely values (12-digit account ids).
/// Pseudonyms keep the shape that helps a reader (<c>acct-…</c>, <c>vol-r…</c>, ARNs keep service, region and type) and
/// are built so that none of the patterns below matches a pseudonym again.
/// </summary>
/// <remarks>Not thread-safe: one instance serves one report run. Results are memoised, since the same account id or
/// ARN recurs thousands of times in a large scan.</remarks>
public sealed partial class Pseudonyms(byte[] key)
{
    private readonly HMACSHA256 _hmac = new(key.Length >= 16 ? key : throw new ArgumentException("the redaction key needs at least 16 bytes", nameof(key)));
    private readonly Dictionary<string, string> _hashes = new(StringComparer.Ordinal);

    private const string IdPrefixes = "i|vol|snap|ami|eipalloc|eipassoc|eni|nat|vpc|subnet|sg|igw|rtb|lt|fs|r|tgw|vpce|acl|pcx|dopt";

    public static byte[] NewKey() => RandomNumberGenerator.GetBytes(32);

    /// <summary>Picks the pseudonym by the value's shape: ARN, account id, AWS resource id, or a name.</summary>
    public string For(string value) =>
        value.StartsWith("arn:", StringComparison.Ordinal) ? Arn(value)
        : AccountPattern().IsMatch(value) ? Account(value)
        : ResourceIdPattern().IsMatch(value) ? ResourceId(value)
        : Name(value);

    public string Account(string accountId) => "acct-" + Hash(accountId);

    public string Name(string name) => "name-" + Hash(name);

    public string ResourceId(string id)
    {
        var m = ResourceIdPattern().Match(id);
        return m.Success && m.Index == 0 && m.Length == id.Length ? m.Groups["prefix"].Value + "-r" + Hash(id) : "id-" + Hash(id);
    }

    /// <summary>
    /// <c>arn:partition:service:region:account:resource</c> → account and every resource segment but a leading
    /// type word replaced. AWS-owned ARNs (account <c>aws</c> or empty with no customer part) are left as they are.
    /// </summary>
    public string Arn(string arn)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length < 6)
        {
            return "arn-" + Hash(arn);
        }

        if (parts[4] == "aws")
        {
            return arn;
        }

        var account = parts[4].Length == 0 ? "" : AccountPattern().IsMatch(parts[4]) ? Account(parts[4]) : Name(parts[4]);
        return string.Join(':', parts[0], parts[1], parts[2], parts[3], account, Resource(parts[5]));
    }

    /// <summary>Replaces ARNs, 12-digit account ids and AWS resource ids wherever they occur in free text.</summary>
    public string InText(string text)
    {
        if (text.Length < 8)
        {
            return text;
        }

        var result = text.Contains("arn:", StringComparison.Ordinal) ? ArnPattern().Replace(text, m => Arn(m.Value)) : text;
        result = EmbeddedAccountPattern().Replace(result, m => Account(m.Value));
        return result.Contains('-', StringComparison.Ordinal) ? EmbeddedResourceIdPattern().Replace(result, m => ResourceId(m.Value)) : result;
    }

    private string Resource(string resource)
    {
        var separator = resource.Contains('/', StringComparison.Ordinal) ? '/' : ':';
        var segments = resource.Split(separator);
        var keepType = segments.Length > 1 && TypeWordPattern().IsMatch(segments[0]);
        for (var i = keepType ? 1 : 0; i < segments.Length; i++)
        {
            if (segments[i].Length > 0)
            {
                segments[i] = For(segments[i]);
            }
        }

        return string.Join(separator, segments);
    }

    private string Hash(string value)
    {
        if (!_hashes.TryGetValue(value, out var hash))
        {
            Span<byte> mac = stackalloc byte[32];
            _hmac.TryComputeHash(Encoding.UTF8.GetBytes(value), mac, out _);
            hash = Convert.ToHexStringLower(mac[..5]);
            _hashes[value] = hash;
        }

        return hash;
    }

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex AccountPattern();

    /// <summary>EC2-style ids: a known type prefix and 8 or 17 hex digits. Only known prefixes, so a name such as
    /// <c>acme-prod-logs-123456789012</c> is not mistaken for an id and does not keep its words.</summary>
    [GeneratedRegex(@"^(?<prefix>" + IdPrefixes + @")-[0-9a-f]{8,17}$")]
    private static partial Regex ResourceIdPattern();

    [GeneratedRegex(@"^[a-z][a-z0-9-]*$")]
    private static partial Regex TypeWordPattern();

    [GeneratedRegex(@"arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:[a-z0-9]*:[^\s""'<>,;()\[\]{}]+")]
    private static partial Regex ArnPattern();

    [GeneratedRegex(@"(?<![0-9])[0-9]{12}(?![0-9])")]
    private static partial Regex EmbeddedAccountPattern();

    [GeneratedRegex(@"\b(?<prefix>" + IdPrefixes + @")-[0-9a-f]{8,17}\b")]
    private static partial Regex EmbeddedResourceIdPattern();
}
