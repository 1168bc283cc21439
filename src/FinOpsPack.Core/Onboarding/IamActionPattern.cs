using System.Text.RegularExpressions;

namespace FinOpsPack.Core.Onboarding;

/// <summary>
/// IAM action names and patterns as IAM compares them: <c>service:Action</c>, case-insensitive, <c>*</c> and <c>?</c>
/// wildcards in the action part only (IAM rejects a wildcard in the service prefix: "Action vendors must not contain wildcards").
/// </summary>
public static class IamActionPattern
{
    private static readonly Regex ValidShape = new(@"^(\*|[a-z0-9-]+:[A-Za-z0-9*?]+)$", RegexOptions.CultureInvariant);

    /// <summary>True when the pattern is one IAM accepts in a policy's Action or NotAction element.</summary>
    public static bool IsValid(string pattern) => ValidShape.IsMatch(pattern);

    public static bool HasWildcard(string pattern) => pattern.AsSpan().IndexOfAny('*', '?') >= 0;

    /// <summary>The part after the colon: <c>DescribeVolumes</c> of <c>ec2:DescribeVolumes</c>.</summary>
    public static string ActionName(string action) => action[(action.IndexOf(':', StringComparison.Ordinal) + 1)..];

    public static string ServicePrefix(string action) => action[..Math.Max(0, action.IndexOf(':', StringComparison.Ordinal))];

    /// <summary>Does <paramref name="pattern"/> (possibly with wildcards) cover <paramref name="action"/>?</summary>
    public static bool Matches(string pattern, string action) =>
        pattern == "*" || Regex.IsMatch(action, ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>
    /// Could the two patterns cover a common action? Used to prove that no allowed pattern reaches a forbidden one even
    /// through wildcards (<c>s3:Get*</c> overlaps <c>s3:GetObject*</c>).
    /// </summary>
    public static bool Overlaps(string a, string b)
    {
        if (a == "*" || b == "*")
        {
            return true;
        }

        return string.Equals(ServicePrefix(a), ServicePrefix(b), StringComparison.OrdinalIgnoreCase)
            && GlobsIntersect(ActionName(a).ToUpperInvariant(), ActionName(b).ToUpperInvariant());
    }

    private static string ToRegex(string pattern) =>
        "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$";

    // Two globs intersect when some string matches both: a small dynamic programme over both patterns.
    private static bool GlobsIntersect(string a, string b)
    {
        var memo = new Dictionary<(int, int), bool>();
        return Walk(0, 0);

        bool Walk(int i, int j)
        {
            if (memo.TryGetValue((i, j), out var known))
            {
                return known;
            }

            bool result;
            if (i == a.Length && j == b.Length)
            {
                result = true;
            }
            else if (i < a.Length && a[i] == '*')
            {
                result = Walk(i + 1, j) || (j < b.Length && Walk(i, j + 1));
            }
            else if (j < b.Length && b[j] == '*')
            {
                result = Walk(i, j + 1) || (i < a.Length && Walk(i + 1, j));
            }
            else if (i < a.Length && j < b.Length)
            {
                result = (a[i] == b[j] || a[i] == '?' || b[j] == '?') && Walk(i + 1, j + 1);
            }
            else
            {
                result = false;
            }

            memo[(i, j)] = result;
            return result;
        }
    }
}
