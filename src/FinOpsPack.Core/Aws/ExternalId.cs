using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace FinOpsPack.Core.Aws;

/// <summary>
/// The per-review External ID. It is a secret shared with the customer's trust policy: it is never printed or written
/// anywhere; <see cref="Fingerprint"/> identifies it (first 8 hex digits of its SHA-256).
/// </summary>
public sealed partial class ExternalId
{
    private ExternalId(string value)
    {
        Value = value;
        Fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..8];
    }

    /// <summary>The secret itself: pass it to AssumeRole and nowhere else.</summary>
    public string Value { get; }

    public string Fingerprint { get; }

    public override string ToString() => "external-id:" + Fingerprint;

    /// <summary>STS rule: 2–1224 characters of <c>[\w+=,.@:/-]</c>.</summary>
    public static ExternalId Parse(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new UserInputException("an External ID is required: pass --external-id or set FINOPS_PACK_EXTERNAL_ID");
        }

        if (!Shape().IsMatch(value))
        {
            // Say what is wrong without echoing the secret.
            throw new UserInputException(
                $"the External ID ({value.Length} characters) is invalid: it must be 2–1224 characters of letters, digits and + = , . @ : / - _");
        }

        return new ExternalId(value);
    }

    [GeneratedRegex(@"^[\w+=,.@:/-]{2,1224}$")]
    private static partial Regex Shape();
}
