using System.Text;

namespace FinOpsPack.Tests.Onboarding;

/// <summary>Reads printed shell commands back into words (POSIX quoting: '…', "…" and backslash), skipping comments.</summary>
internal static class ShellWords
{
    public static IReadOnlyList<IReadOnlyList<string>> Commands(string text) =>
        [.. text.Split('\n').Where(l => l.Length > 0 && !l.TrimStart().StartsWith('#')).Select(Split).Select(c => c.TakeWhile(w => w != ">").ToList())];

    public static IReadOnlyList<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            switch (c)
            {
                case '\'':
                    var end = line.IndexOf('\'', i + 1);
                    word.Append(line, i + 1, end - i - 1);
                    i = end;
                    inWord = true;
                    break;
                case '"':
                    for (i++; line[i] != '"'; i++)
                    {
                        word.Append(line[i] == '\\' && i + 1 < line.Length && line[i + 1] is '"' or '\\' or '$' ? line[++i] : line[i]);
                    }

                    inWord = true;
                    break;
                case '\\':
                    word.Append(line[++i]);
                    inWord = true;
                    break;
                case ' ' or '\t':
                    if (inWord)
                    {
                        words.Add(word.ToString());
                        word.Clear();
                        inWord = false;
                    }

                    break;
                default:
                    word.Append(c);
                    inWord = true;
                    break;
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return words;
    }
}
