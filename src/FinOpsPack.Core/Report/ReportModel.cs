namespace FinOpsPack.Core.Report;

/// <summary>
/// What the templates see: every value is already formatted text (money with its currency, "unknown" for unknown),
/// so a template never computes and never needs a raw (unescaped) value from the account.
/// </summary>
public sealed record ReportModel(
    ReportHeader Header,
    SummarySection Summary,
    SpendSection Spend,
    SavingsSection Savings,
    FindingsSection Findings,
    CohSection Coh,
    BedrockSection Bedrock,
    CoverageSection Coverage,
    MetadataSection Metadata,
    DataHandlingSection DataHandling,
    FleetSection? Fleet = null,
    SinceLastRunSection? SinceLastRun = null);

public sealed record ReportHeader(
    string Title, string Account, string ReviewId, string GeneratedAt, string ScannedAt, string Currency, bool Redacted);

public sealed record SummarySection(
    string Currency,
    string MonthlySpend,
    string SpendPeriod,
    string MonthlySavings,
    string AnnualSavings,
    string ShareOfSpend,
    int FindingsTotal,
    int FindingsWithSavings,
    int FindingsUnknown,
    string? Forecast,
    IReadOnlyList<TopAction> TopActions,
    IReadOnlyList<string> Notes);

public sealed record TopAction(
    int Rank, string Action, string Title, string Resource, string Account, string Region, string MonthlySavings,
    string AnnualSavings, string Source, string Basis, IReadOnlyList<EvidenceItem> Evidence);

/// <param name="Href">Set only for absolute http/https URLs; anything else (javascript:, data:, relative) stays text.</param>
public sealed record EvidenceItem(string Key, string Value, string? Href);

public sealed record SpendSection(bool Available, string Currency, string Period, ChartBlock ByService, ChartBlock ByAccount, ChartBlock ByRegion);

public sealed record SavingsSection(bool Available, string Currency, ChartBlock ByCategory, ChartBlock ByService);

/// <summary>A chart and the same figures as a table (for screen readers, print and copy-paste).</summary>
public sealed record ChartBlock(SvgChart Chart, DataTable Table);

public sealed record DataTable(string Caption, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);

public sealed record FindingsSection(
    int Total, int ShownServerSide, bool HasMore, string Currency, IReadOnlyList<FindingRow> TopRows, IReadOnlyList<FindingRow> AllRows);

/// <summary>One row of the findings table, in the column order of the table and of the embedded JSON.</summary>
/// <param name="SavingsValue">Monthly amount for sorting; null when unknown or not applicable.</param>
public sealed record FindingRow(
    string Service, string Resource, string Region, string Account, string Action, string Savings, string Source,
    string Effort, string Restart, string Rollback, decimal? SavingsValue, string Category, string Title, bool Counted);

public sealed record CohSection(
    bool Known, string Status, bool Active, string IncludeMemberAccounts, IReadOnlyList<LabelValue> Preferences,
    string RecommendationCount, string DedupedSavings, string CoveredSavings, string? Note);

public sealed record BedrockSection(
    bool Known, string Kpi, int Capable, int WithBoundary, int WithoutBoundary, IReadOnlyList<PrincipalRow> Unbounded, int MoreUnbounded);

public sealed record PrincipalRow(string Kind, string Name, string Arn, string Grants);

public sealed record CoverageSection(bool AllOk, int Total, int NotOk, IReadOnlyList<CoverageItem> Items);

/// <param name="Missing">What the report could not assess (the collector's Provides).</param>
/// <param name="Enable">The permission or opt-in that would enable it.</param>
public sealed record CoverageItem(string Collector, string Status, string Regions, string Missing, string Enable, string Detail);

public sealed record MetadataSection(IReadOnlyList<LabelValue> Rows, DataTable CallsByService);

public sealed record LabelValue(string Label, string Value);

public sealed record DataHandlingSection(bool Redacted);
