using System.Diagnostics;

namespace FinOpsPack.Tests.Testing;

/// <summary>
/// A fact that needs moto: skipped with a visible reason where <c>python3 -m moto</c> cannot be imported.
/// CI has moto, and <c>.ci/run</c> fails before the tests if it is missing, so a skip there cannot hide.
/// </summary>
public sealed class MotoFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> MissingReason = new(Probe);

    public MotoFactAttribute()
    {
        if (MissingReason.Value is { } reason)
        {
            Skip = reason;
        }
    }

    private static string? Probe()
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("python3", "-c \"import moto.server\"")
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            })!;
            p.WaitForExit(60_000);
            return p.ExitCode == 0 ? null : "moto is not installed (python3 -c 'import moto.server' failed)";
        }
        catch (Exception e)
        {
            return "python3 is not available: " + e.Message;
        }
    }
}
