using System.Globalization;
using System.Text.RegularExpressions;

namespace FinOpsPack.Core.Collectors.Ec2;

/// <summary>Readings of EC2 text fields that carry more than text (ids sent as empty elements, dates inside strings).</summary>
internal static partial class Ec2Text
{
    /// <summary>EC2 sends absent ids as empty elements (<c>&lt;snapshotId/&gt;</c>); the inventory says null.</summary>
    public static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    /// <summary>
    /// When a stopped instance stopped, from its state-transition reason: <c>User initiated (2024-01-01 12:00:00 GMT)</c>.
    /// EC2 writes GMT; moto writes UTC. Anything else (no date, another shape) is unknown: null, never a guess.
    /// </summary>
    public static DateTimeOffset? StoppedSince(string? stateTransitionReason)
    {
        if (stateTransitionReason is null)
        {
            return null;
        }

        var match = ReasonDate().Match(stateTransitionReason);
        return match.Success && DateTime.TryParseExact(match.Groups[1].Value, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? new DateTimeOffset(at, TimeSpan.Zero)
            : null;
    }

    /// <summary>Image dates are strings in the EC2 model (ISO 8601); an unreadable one is unknown.</summary>
    public static DateTimeOffset? IsoDate(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;

    [GeneratedRegex(@"\((\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) (?:GMT|UTC)\)", RegexOptions.CultureInvariant)]
    private static partial Regex ReasonDate();
}
