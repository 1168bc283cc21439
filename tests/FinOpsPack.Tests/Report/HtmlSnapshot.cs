namespace FinOpsPack.Tests.Report;

/// <summary>
/// A minimal snapshot verifier: compares text with <c>Expectations/&lt;name&gt;.verified.html</c>. On a mismatch (or a
/// missing snapshot) it writes <c>&lt;name&gt;.received.html</c> beside it and fails; accept a change by renaming the
/// received file to the verified one after reviewing the diff.
/// </summary>
public static class HtmlSnapshot
{
    public static void Verify(string name, string actual)
    {
        var dir = Path.Combine(ReportFixture.Directory, "Expectations");
        var verified = Path.Combine(dir, name + ".verified.html");
        var received = Path.Combine(dir, name + ".received.html");
        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n", StringComparison.Ordinal) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        var at = expected is null ? -1 : FirstDifference(expected, actual);
        Assert.Fail(expected is null
            ? $"no snapshot {verified}; review {received} and rename it to accept"
            : $"snapshot {name} differs at offset {at}: expected …{Around(expected, at)}… but got …{Around(actual, at)}…; see {received}");
    }

    private static int FirstDifference(string a, string b)
    {
        var n = Math.Min(a.Length, b.Length);
        for (var i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return n;
    }

    private static string Around(string text, int at) =>
        text.Substring(Math.Max(0, at - 40), Math.Min(80, text.Length - Math.Max(0, at - 40)));
}
