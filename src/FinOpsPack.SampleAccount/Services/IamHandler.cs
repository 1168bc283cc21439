using System.Globalization;
using System.Xml.Linq;
using FinOpsPack.Core.Aws;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.SampleAccount.Hosting;
using static FinOpsPack.SampleAccount.Services.QueryProtocolXml;

namespace FinOpsPack.SampleAccount.Services;

/// <summary>
/// IAM GetAccountAuthorizationDetails as AWS answers it: users, groups, roles and managed policies (customer managed ones
/// and the AWS managed ones in use) with every policy document URL-encoded (RFC 3986), <c>IsTruncated</c> + <c>Marker</c>
/// paging over all four lists together, MaxItems 1–1000 (ValidationError otherwise), <c>Filter.member.N</c> entity types.
/// </summary>
public sealed class IamHandler : ISampleServiceHandler
{
    private static readonly string[] Operations = ["GetAccountAuthorizationDetails"];
    private static readonly string[] EntityTypes = ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"];

    public AwsService Service => AwsService.Iam;

    public string ThrottleCode => "Throttling";

    public string? ResolveOperation(SampleCall call) => Operation(call, Service, Operations);

    public Task HandleAsync(SampleCall call, string operation, CancellationToken ct)
    {
        var maxItems = 100;
        if (call.Form.TryGetValue("MaxItems", out var raw)
            && (!int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out maxItems) || maxItems is < 1 or > 1000))
        {
            return WriteErrorAsync(call, Service, 400, "ValidationError",
                $"1 validation error detected: Value '{raw}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000");
        }

        var filter = call.FormList("Filter.member");
        var unknown = filter.FirstOrDefault(f => !EntityTypes.Contains(f));
        if (unknown is not null)
        {
            return WriteErrorAsync(call, Service, 400, "ValidationError",
                $"1 validation error detected: Value '[{unknown}]' at 'filter' failed to satisfy constraint: Member must satisfy constraint: [Member must satisfy enum value set: [{string.Join(", ", EntityTypes)}]]");
        }

        var scope = Scope(call, "Marker");
        var offset = 0;
        if (call.Form.TryGetValue("Marker", out var marker))
        {
            if (Offset(marker, scope) is not { } parsed)
            {
                return WriteErrorAsync(call, Service, 400, "ValidationError", "Invalid Marker.");
            }

            offset = parsed;
        }

        bool Wants(string type) => filter.Count == 0 || filter.Contains(type);
        var dataset = call.Dataset;
        var items = new List<(string List, XElement Member)>();
        items.AddRange(Wants("User") ? dataset.IamUsers.Select(u => ("UserDetailList", User(u, dataset))) : []);
        items.AddRange(Wants("Group") ? dataset.IamGroups.Select(g => ("GroupDetailList", Group(g, dataset))) : []);
        items.AddRange(Wants("Role") ? dataset.IamRoles.Select(r => ("RoleDetailList", Role(r, dataset))) : []);
        items.AddRange(dataset.IamPolicies
            .Where(p => p.AwsManaged ? Wants("AWSManagedPolicy") && InUse(p, dataset) : Wants("LocalManagedPolicy"))
            .Select(p => ("Policies", Policy(p, dataset))));

        var page = items.Skip(offset).Take(Math.Min(maxItems, dataset.MaxPageSize)).ToList();
        var truncated = offset + page.Count < items.Count;
        string[] lists = ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"];
        return WriteResultAsync(call, Service, "GetAccountAuthorizationDetails",
            lists.Select(l => new XElement(l, page.Where(i => i.List == l).Select(i => i.Member))),
            new XElement("IsTruncated", Bool(truncated)),
            truncated ? new XElement("Marker", Token(scope, offset + page.Count)) : null);
    }

    private static XElement User(SampleIamUser u, SampleDataset d) => new("member",
        new XElement("Path", u.Path),
        new XElement("UserName", u.Name),
        new XElement("UserId", StableId("AIDA", "user" + u.Name, 17)),
        new XElement("Arn", $"arn:aws:iam::{d.AccountId}:user{u.Path}{u.Name}"),
        new XElement("CreateDate", Time(u.CreateDate)),
        Inline("UserPolicyList", u.InlinePolicies),
        List("GroupList", u.Groups),
        Attached(u.ManagedPolicyArns, d),
        Boundary(u.BoundaryArn),
        Tags(u.Tags));

    private static XElement Group(SampleIamGroup g, SampleDataset d) => new("member",
        new XElement("Path", g.Path),
        new XElement("GroupName", g.Name),
        new XElement("GroupId", StableId("AGPA", "group" + g.Name, 17)),
        new XElement("Arn", $"arn:aws:iam::{d.AccountId}:group{g.Path}{g.Name}"),
        new XElement("CreateDate", Time(g.CreateDate)),
        Inline("GroupPolicyList", g.InlinePolicies),
        Attached(g.ManagedPolicyArns, d));

    private static XElement Role(SampleIamRole r, SampleDataset d) => new("member",
        new XElement("Path", r.Path),
        new XElement("RoleName", r.Name),
        new XElement("RoleId", StableId("AROA", "role" + r.Name, 17)),
        new XElement("Arn", $"arn:aws:iam::{d.AccountId}:role{r.Path}{r.Name}"),
        new XElement("CreateDate", Time(r.CreateDate)),
        new XElement("AssumeRolePolicyDocument", Uri.EscapeDataString(r.TrustPolicy)),
        new XElement("InstanceProfileList"),
        Inline("RolePolicyList", r.InlinePolicies),
        Attached(r.ManagedPolicyArns, d),
        Boundary(r.BoundaryArn),
        Tags(r.Tags),
        new XElement("RoleLastUsed", r.LastUsed is { } used
            ? (object)new object[] { new XElement("LastUsedDate", Time(used)), new XElement("Region", "us-east-1") }
            : Array.Empty<object>()));

    private static XElement Policy(SampleIamPolicy p, SampleDataset d) => new("member",
        new XElement("PolicyName", p.Name),
        new XElement("PolicyId", StableId("ANPA", "policy" + p.Arn, 17)),
        new XElement("Arn", p.Arn),
        new XElement("Path", p.Path),
        new XElement("DefaultVersionId", p.DefaultVersionId),
        new XElement("AttachmentCount", Attachments(p, d)),
        new XElement("PermissionsBoundaryUsageCount",
            d.IamRoles.Count(r => r.BoundaryArn == p.Arn) + d.IamUsers.Count(u => u.BoundaryArn == p.Arn)),
        new XElement("IsAttachable", "true"),
        p.Description is null ? null : new XElement("Description", p.Description),
        new XElement("CreateDate", Time(p.CreateDate)),
        new XElement("UpdateDate", Time(p.Versions[^1].CreateDate)),
        List("PolicyVersionList", p.Versions.Select(v => (object)new object[]
        {
            new XElement("Document", Uri.EscapeDataString(v.Document)),
            new XElement("VersionId", v.VersionId),
            new XElement("IsDefaultVersion", Bool(v.VersionId == p.DefaultVersionId)),
            new XElement("CreateDate", Time(v.CreateDate)),
        })));

    private static int Attachments(SampleIamPolicy p, SampleDataset d) =>
        d.IamRoles.Count(r => r.ManagedPolicyArns.Contains(p.Arn))
        + d.IamUsers.Count(u => u.ManagedPolicyArns.Contains(p.Arn))
        + d.IamGroups.Count(g => g.ManagedPolicyArns.Contains(p.Arn));

    /// <summary>AWS lists an AWS managed policy only when the account uses it (attached or as a boundary).</summary>
    private static bool InUse(SampleIamPolicy p, SampleDataset d) =>
        Attachments(p, d) > 0 || d.IamRoles.Any(r => r.BoundaryArn == p.Arn) || d.IamUsers.Any(u => u.BoundaryArn == p.Arn);

    private static XElement Inline(string listName, IEnumerable<SampleIamInlinePolicy> policies) =>
        List(listName, policies.Select(p => (object)new object[]
        {
            new XElement("PolicyName", p.Name),
            new XElement("PolicyDocument", Uri.EscapeDataString(p.Document)),
        }));

    private static XElement Attached(IEnumerable<string> arns, SampleDataset d) =>
        List("AttachedManagedPolicies", arns.Select(arn => (object)new object[]
        {
            new XElement("PolicyName", d.IamPolicies.FirstOrDefault(p => p.Arn == arn)?.Name ?? arn[(arn.LastIndexOf('/') + 1)..]),
            new XElement("PolicyArn", arn),
        }));

    private static XElement? Boundary(string? arn) => arn is null
        ? null
        : new XElement("PermissionsBoundary",
            new XElement("PermissionsBoundaryType", "PermissionsBoundaryPolicy"),
            new XElement("PermissionsBoundaryArn", arn));

    private static XElement Tags(IReadOnlyDictionary<string, string> tags) =>
        List("Tags", tags.OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => (object)new object[] { new XElement("Key", t.Key), new XElement("Value", t.Value) }));
}
