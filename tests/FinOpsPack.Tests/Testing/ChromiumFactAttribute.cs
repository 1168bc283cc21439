namespace FinOpsPack.Tests.Testing;

/// <summary>
/// A fact that needs Debian's Chromium at <see cref="ExecutablePath"/>: skipped with a visible reason where it is absent.
/// <c>.ci/run</c> installs it, so the skip cannot hide in CI.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ExecutablePath))
        {
            Skip = ExecutablePath + " is not installed (apt-get install -y chromium)";
        }
    }
}
