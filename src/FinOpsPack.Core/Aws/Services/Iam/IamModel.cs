using System.Xml.Linq;
using FinOpsPack.Core.Aws.Protocol;

namespace FinOpsPack.Core.Aws.Services.Iam;

public sealed record InlinePolicy(string PolicyName, PolicyDocument PolicyDocument);

public sealed record AttachedPolicy(string? PolicyName, string PolicyArn);

public sealed record AttachedPermissionsBoundary(string? PermissionsBoundaryType, string PermissionsBoundaryArn);

public sealed record RoleDetail(
    string RoleName,
    string Arn,
    string Path,
    string? RoleId,
    DateTimeOffset? CreateDate,
    PolicyDocument? AssumeRolePolicyDocument,
    IReadOnlyList<InlinePolicy> RolePolicyList,
    IReadOnlyList<AttachedPolicy> AttachedManagedPolicies,
    AttachedPermissionsBoundary? PermissionsBoundary,
    IReadOnlyDictionary<string, string> Tags,
    DateTimeOffset? RoleLastUsedDate);

public sealed record UserDetail(
    string UserName,
    string Arn,
    string Path,
    string? UserId,
    DateTimeOffset? CreateDate,
    IReadOnlyList<InlinePolicy> UserPolicyList,
    IReadOnlyList<string> GroupList,
    IReadOnlyList<AttachedPolicy> AttachedManagedPolicies,
    AttachedPermissionsBoundary? PermissionsBoundary,
    IReadOnlyDictionary<string, string> Tags);

public sealed record GroupDetail(
    string GroupName,
    string Arn,
    string Path,
    string? GroupId,
    DateTimeOffset? CreateDate,
    IReadOnlyList<InlinePolicy> GroupPolicyList,
    IReadOnlyList<AttachedPolicy> AttachedManagedPolicies);

public sealed record PolicyVersion(string? VersionId, bool IsDefaultVersion, DateTimeOffset? CreateDate, PolicyDocument? Document);

public sealed record ManagedPolicyDetail(
    string PolicyName,
    string Arn,
    string Path,
    string? PolicyId,
    string? DefaultVersionId,
    int? AttachmentCount,
    int? PermissionsBoundaryUsageCount,
    bool? IsAttachable,
    string? Description,
    DateTimeOffset? CreateDate,
    DateTimeOffset? UpdateDate,
    IReadOnlyList<PolicyVersion> PolicyVersionList)
{
    /// <summary>The document of the default version: the one IAM evaluates.</summary>
    public PolicyDocument? DefaultDocument =>
        (PolicyVersionList.FirstOrDefault(v => DefaultVersionId is not null && v.VersionId == DefaultVersionId)
            ?? PolicyVersionList.FirstOrDefault(v => v.IsDefaultVersion))?.Document;

    /// <summary>AWS managed policies live under the <c>aws</c> account in their ARN.</summary>
    public bool IsAwsManaged => Arn.Contains(":iam::aws:policy/", StringComparison.Ordinal);
}

/// <summary>One page of GetAccountAuthorizationDetails. <see cref="Marker"/> is set exactly when <see cref="IsTruncated"/> is.</summary>
public sealed record AuthorizationDetailsPage(
    IReadOnlyList<UserDetail> UserDetailList,
    IReadOnlyList<GroupDetail> GroupDetailList,
    IReadOnlyList<RoleDetail> RoleDetailList,
    IReadOnlyList<ManagedPolicyDetail> Policies,
    bool IsTruncated,
    string? Marker)
{
    internal static AuthorizationDetailsPage From(XElement r)
    {
        var truncated = r.Bool("IsTruncated") ?? false;
        var marker = r.Text("Marker");
        if (truncated && string.IsNullOrEmpty(marker))
        {
            throw new FormatException("IsTruncated is true but no Marker was given");
        }

        return new AuthorizationDetailsPage(
            [.. r.Members("UserDetailList").Select(ReadUser)],
            [.. r.Members("GroupDetailList").Select(ReadGroup)],
            [.. r.Members("RoleDetailList").Select(ReadRole)],
            [.. r.Members("Policies").Select(ReadPolicy)],
            truncated,
            truncated ? marker : null);
    }

    private static RoleDetail ReadRole(XElement e) => new(
        Required(e, "RoleDetail", "RoleName"),
        Required(e, "RoleDetail", "Arn"),
        e.Text("Path") ?? "/",
        e.Text("RoleId"),
        e.Time("CreateDate"),
        e.Text("AssumeRolePolicyDocument") is { Length: > 0 } trust ? PolicyDocument.FromUrlEncoded(trust) : null,
        InlinePolicies(e, "RolePolicyList"),
        AttachedPolicies(e),
        Boundary(e),
        Tags(e),
        e.Child("RoleLastUsed").Time("LastUsedDate"));

    private static UserDetail ReadUser(XElement e) => new(
        Required(e, "UserDetail", "UserName"),
        Required(e, "UserDetail", "Arn"),
        e.Text("Path") ?? "/",
        e.Text("UserId"),
        e.Time("CreateDate"),
        InlinePolicies(e, "UserPolicyList"),
        [.. e.Members("GroupList").Select(g => g.Value)],
        AttachedPolicies(e),
        Boundary(e),
        Tags(e));

    private static GroupDetail ReadGroup(XElement e) => new(
        Required(e, "GroupDetail", "GroupName"),
        Required(e, "GroupDetail", "Arn"),
        e.Text("Path") ?? "/",
        e.Text("GroupId"),
        e.Time("CreateDate"),
        InlinePolicies(e, "GroupPolicyList"),
        AttachedPolicies(e));

    private static ManagedPolicyDetail ReadPolicy(XElement e)
    {
        var arn = Required(e, "ManagedPolicyDetail", "Arn");
        return new ManagedPolicyDetail(
            // moto leaves PolicyName out; the ARN ends with it.
            e.Text("PolicyName") ?? arn[(arn.LastIndexOf('/') + 1)..],
            arn,
            e.Text("Path") ?? "/",
            e.Text("PolicyId"),
            e.Text("DefaultVersionId"),
            e.Int("AttachmentCount"),
            e.Int("PermissionsBoundaryUsageCount"),
            e.Bool("IsAttachable"),
            e.Text("Description"),
            e.Time("CreateDate"),
            e.Time("UpdateDate"),
            [.. e.Members("PolicyVersionList").Select(v => new PolicyVersion(
                v.Text("VersionId"),
                v.Bool("IsDefaultVersion") ?? false,
                v.Time("CreateDate"),
                v.Text("Document") is { Length: > 0 } doc ? PolicyDocument.FromUrlEncoded(doc) : null))]);
    }

    private static List<InlinePolicy> InlinePolicies(XElement e, string listName) =>
        [.. e.Members(listName).Select(p => new InlinePolicy(
            Required(p, "PolicyDetail", "PolicyName"),
            PolicyDocument.FromUrlEncoded(Required(p, "PolicyDetail", "PolicyDocument"))))];

    private static List<AttachedPolicy> AttachedPolicies(XElement e) =>
        [.. e.Members("AttachedManagedPolicies").Select(p => new AttachedPolicy(
            p.Text("PolicyName"), Required(p, "AttachedPolicy", "PolicyArn")))];

    private static AttachedPermissionsBoundary? Boundary(XElement e) =>
        e.Child("PermissionsBoundary") is { } b && b.Text("PermissionsBoundaryArn") is { Length: > 0 } arn
            ? new AttachedPermissionsBoundary(b.Text("PermissionsBoundaryType"), arn)
            : null;

    private static Dictionary<string, string> Tags(XElement e) =>
        e.Members("Tags").Where(t => t.Text("Key") is not null)
            .GroupBy(t => t.Text("Key")!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Text("Value") ?? "", StringComparer.Ordinal);

    private static string Required(XElement e, string shape, string member) =>
        e.Text(member) is { Length: > 0 } v ? v : throw new FormatException($"{shape} without {member}");
}
