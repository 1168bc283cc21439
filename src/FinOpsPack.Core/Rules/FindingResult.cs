using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Core.Rules;

/// <summary>The engine's output: findings (de-duplicated), what each check could judge, totals, and settings problems.</summary>
public sealed record FindingResult(
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<CheckCoverage> Coverage,
    SavingsTotals Totals,
    IReadOnlyList<string> SettingsProblems);
