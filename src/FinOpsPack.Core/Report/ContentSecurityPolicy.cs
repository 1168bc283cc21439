using System.Security.Cryptography;
using System.Text;

namespace FinOpsPack.Core.Report;

/// <summary>
/// The report's policy: nothing may load (default-src 'none'), images only as data: URIs, and the one inline
/// stylesheet and the one inline script only if their bytes hash to the values computed at render time.
/// </summary>
public static class ContentSecurityPolicy
{
    public static string For(string css, string script) =>
        "default-src 'none'; img-src data:; style-src '" + Sha256(css) + "'; script-src '" + Sha256(script)
        + "'; base-uri 'none'; form-action 'none'";

    /// <summary>A CSP hash source: <c>sha256-</c> + base64 of the SHA-256 of the UTF-8 text.</summary>
    public static string Sha256(string text) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
