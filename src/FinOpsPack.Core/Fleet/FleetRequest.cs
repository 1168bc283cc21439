using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Core.Fleet;

/// <summary>An organization-wide or fleet scan.</summary>
public sealed record FleetRequest
{
    /// <summary>
    /// Output directory, transport limits (the one global budget), settings, caller credentials, session length and
    /// review id shared by every account; its role and External ID are the management account's when
    /// <see cref="HasManagement"/>.
    /// </summary>
    public required ScanRequest Template { get; init; }

    /// <summary>
    /// Whether <see cref="Template"/>'s role is the management (or delegated administrator / payer) account: the
    /// organization-wide sources are read there once, and with no <see cref="Accounts"/> it lists the members.
    /// </summary>
    public bool HasManagement { get; init; } = true;

    /// <summary>Accounts from <c>--accounts FILE</c>; null: the organization's ACTIVE members.</summary>
    public IReadOnlyList<FleetAccount>? Accounts { get; init; }

    public string MemberRoleName { get; init; } = "finops-pack-readonly";

    public Shard Shard { get; init; } = Shard.All;

    /// <summary>Accounts scanned at the same time.</summary>
    public int AccountConcurrency { get; init; } = 4;

    /// <summary>Calls in flight at once for one account (inside the global <c>--max-concurrency</c> budget).</summary>
    public int PerAccountConcurrency { get; init; } = 16;
}
