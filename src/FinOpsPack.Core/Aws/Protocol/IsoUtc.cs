namespace FinOpsPack.Core.Aws.Protocol;

/// <summary>
/// The one timestamp shape AWS's XML protocols write, <c>yyyy-MM-ddTHH:mm:ssZ</c> with 0–7 fraction digits, read without
/// the general parser (a page of metric data holds thousands). Anything else is refused, for the general parser to judge.
/// </summary>
internal static class IsoUtc
{
    public static bool TryParse(string s, out DateTimeOffset value)
    {
        value = default;
        if (s.Length < 20 || s.Length > 28 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[^1] != 'Z')
        {
            return false;
        }

        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second))
        {
            return false;
        }

        var fractionTicks = 0L;
        if (s.Length > 20)
        {
            var digits = s.Length - 21;
            if (s[19] != '.' || digits == 0 || !Digits(s, 20, digits, out var fraction))
            {
                return false;
            }

            fractionTicks = fraction;
            for (var i = digits; i < 7; i++)
            {
                fractionTicks *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks + fractionTicks;
        value = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    private static bool Digits(string s, int start, int length, out int value)
    {
        value = 0;
        for (var i = start; i < start + length; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }
}
