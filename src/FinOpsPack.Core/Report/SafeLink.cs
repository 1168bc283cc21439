namespace FinOpsPack.Core.Report;

/// <summary>Decides whether a value from the account may become a link: only absolute http and https URLs.</summary>
public static class SafeLink
{
    public static string? Href(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 2048 || value.Any(char.IsControl))
        {
            return null;
        }

        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && !string.IsNullOrEmpty(uri.Host)
                ? uri.AbsoluteUri
                : null;
    }
}
