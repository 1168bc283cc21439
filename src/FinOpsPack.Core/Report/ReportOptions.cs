namespace FinOpsPack.Core.Report;

/// <param name="TemplatesDirectory">A customised copy of <c>templates/report</c>; null for the embedded templates.</param>
/// <param name="Redact">Replace account IDs, ARNs, resource IDs and names with pseudonyms in every output.</param>
/// <param name="RedactionKey">The HMAC key for pseudonyms; null draws a fresh random key for this report run.</param>
public sealed record ReportOptions(string? TemplatesDirectory = null, bool Redact = false, byte[]? RedactionKey = null);
