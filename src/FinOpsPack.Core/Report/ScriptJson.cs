using System.Globalization;
using System.Text;

namespace FinOpsPack.Core.Report;

/// <summary>
/// JSON for a <c>&lt;script type="application/json"&gt;</c> block: besides JSON's own escapes, <c>&lt;</c>, <c>&gt;</c>,
/// <c>&amp;</c>, U+2028/U+2029 and lone surrogates are written as <c>\uXXXX</c>, so no value can close the element,
/// open a comment or break a parser. Appends to a reusable builder so 50,000 rows cost no giant intermediate string.
/// </summary>
public static class ScriptJson
{
    public static void AppendString(StringBuilder sb, string? value)
    {
        if (value is null)
        {
            sb.Append("null");
            return;
        }

        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    AppendEscaped(sb, c);
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        sb.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        AppendEscaped(sb, c);
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    public static void AppendNumber(StringBuilder sb, decimal? value)
    {
        if (value is { } v)
        {
            sb.Append(v.ToString(CultureInfo.InvariantCulture));
        }
        else
        {
            sb.Append("null");
        }
    }

    private static void AppendEscaped(StringBuilder sb, char c) =>
        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
