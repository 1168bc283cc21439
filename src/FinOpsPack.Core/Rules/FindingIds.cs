using System.Security.Cryptography;
using System.Text;

namespace FinOpsPack.Core.Rules;

/// <summary>Finding ids that stay the same across runs, so a nightly run can tell new, resolved and changed findings apart.</summary>
public static class FindingIds
{
    /// <summary><c>f-</c> and the first 16 hex digits of SHA-256 over check id, account, region and resource id.</summary>
    public static string For(string checkId, string accountId, string region, string resourceId)
    {
        var key = string.Join('\n', checkId, accountId, region, resourceId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return "f-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
