using FinOpsPack.Core.Collectors;

namespace FinOpsPack.Core.Onboarding;

/// <summary>
/// The ceiling attached to the role as its permissions boundary. A boundary only limits: whatever policy is attached to
/// the role later, the role can do at most what the boundary allows, and never what it denies. It allows exactly the
/// read policy's actions, denies the data-plane reads by name, and denies everything else (every write verb of every
/// service) with a Deny on NotAction — the only valid IAM form of "deny *:Create*, *:Delete*, …".
/// </summary>
public static class PermissionsBoundary
{
    public const string CeilingSid = "FinOpsPackReadCeiling";
    public const string DataPlaneSid = "DenyDataPlaneReads";
    public const string EverythingElseSid = "DenyEverythingNotListed";

    public static PolicyDocument Current => Create(CollectorCatalog.AllActions);

    public static PolicyDocument Create(IEnumerable<string> actions)
    {
        var read = ReadOnlyPolicy.Create(actions).AllowedPatterns;
        return new PolicyDocument(
        [
            new PolicyStatement(CeilingSid, PolicyEffect.Allow, read),
            new PolicyStatement(DataPlaneSid, PolicyEffect.Deny, ForbiddenActions.DataPlaneReads),
            new PolicyStatement(EverythingElseSid, PolicyEffect.Deny, Action: null, NotAction: read),
        ]);
    }
}
