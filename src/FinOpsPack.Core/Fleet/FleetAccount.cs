using FinOpsPack.Core.Aws;

namespace FinOpsPack.Core.Fleet;

/// <summary>One account to scan: its role, the External ID its trust policy expects, and its regions (empty: enabled ones).</summary>
public sealed record FleetAccount(string AccountId, string? Name, RoleArn RoleArn, ExternalId ExternalId, IReadOnlyList<string> Regions);
