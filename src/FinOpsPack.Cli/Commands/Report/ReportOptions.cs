namespace FinOpsPack.Cli.Commands.Report;

/// <param name="Input">A scan.json written by <c>scan</c> or <c>demo</c>.</param>
/// <param name="Output">Directory for report.html, findings.csv and scan.json.</param>
/// <param name="Templates">A customised copy of the report templates (a consultant's branding).</param>
public sealed record ReportOptions(string Input, string Output, string? Templates, bool Redact, bool Quiet);
