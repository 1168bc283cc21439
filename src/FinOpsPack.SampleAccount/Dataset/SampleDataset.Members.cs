namespace FinOpsPack.SampleAccount.Dataset;

// The member accounts of the sample organization, for organization-wide scans. Each member is its own SampleDataset
// (its own account id, role ARN and inventory) built from a slice of the standard account's resources:
// * acme-prod    210987654321: web-prod-1 and api-prod (with their volumes), the old unattached 500 GiB gp2 volume,
//                              the idle reporting replica and catalog-mysql.
// * acme-dev     345678901234: the idle r5 and t2 instances, the short-stopped ci-runner, the unassociated Elastic IP,
//                              the idle NAT gateway and staging-orders-pg.
// * acme-legacy  567890123456: ACTIVE, but its review role was never deployed: AssumeRole is refused (AccessDenied).
// * acme-sandbox 456789012345: SUSPENDED (standard organization), so never scanned and has no dataset.
// Cost Explorer and Cost Optimization Hub answer for the whole organization from the management account only: members
// have no cost lines of their own (the management account's cube already holds their spend) and are not enrolled.
public sealed partial class SampleDataset
{
    public const string LegacyAccountId = "567890123456";

    /// <summary>Whether the review's role exists in this account (false: AssumeRole into it is refused).</summary>
    public bool ReviewRoleExists { get; set; } = true;

    /// <summary>
    /// The member accounts of <paramref name="management"/>'s organization (prod, dev, and legacy without the role), each
    /// with the given External ID (default: the management account's). Adds the ACTIVE legacy account to the organization.
    /// </summary>
    public static IReadOnlyList<SampleDataset> CreateMembers(SampleDataset management, Func<string, string>? externalIdOf = null)
    {
        var org = management.Organization ?? throw new InvalidOperationException("the management dataset has no organization");
        if (org.Accounts.All(a => a.Id != LegacyAccountId))
        {
            management.Organization = org = org with
            {
                Accounts = [.. org.Accounts, new(LegacyAccountId, "acme-legacy", "aws-legacy@acme.example", "ACTIVE", "INVITED", management.Now.AddYears(-2))],
            };
        }

        string ExternalIdOf(string id) => externalIdOf?.Invoke(id) ?? management.ExternalId;
        var prod = Member(management, org, ProdAccountId, ExternalIdOf(ProdAccountId),
            instances: ["i-0a100000000000001", "i-0a100000000000003"],
            volumes: ["vol-0a100000000000015"],
            addresses: [],
            natGateways: [],
            databases: ["reporting-replica-idle", "catalog-mysql"]);
        var dev = Member(management, org, DevAccountId, ExternalIdOf(DevAccountId),
            instances: ["i-0a100000000000004", "i-0a100000000000006", "i-0a100000000000011"],
            volumes: [],
            addresses: ["eipalloc-0a100000000000002"],
            natGateways: ["nat-0a1ac000000000002"],
            databases: ["staging-orders-pg"]);
        var legacy = Member(management, org, LegacyAccountId, ExternalIdOf(LegacyAccountId),
            instances: ["i-0a100000000000005"], volumes: [], addresses: [], natGateways: [], databases: []);
        legacy.ReviewRoleExists = false;
        return [prod, dev, legacy];
    }

    private static SampleDataset Member(
        SampleDataset management, SampleOrganization org, string accountId, string externalId, HashSet<string> instances,
        HashSet<string> volumes, HashSet<string> addresses, HashSet<string> natGateways, HashSet<string> databases)
    {
        var d = new SampleDataset(management.Now, externalId, accountId) { MaxPageSize = management.MaxPageSize };
        d.Organization = org;
        d.Ec2Instances.RemoveAll(i => !instances.Contains(i.InstanceId));
        d.EbsVolumes.RemoveAll(v => !volumes.Contains(v.VolumeId) && !v.AttachedInstanceIds.Any(instances.Contains));
        var keptVolumes = d.EbsVolumes.Select(v => v.VolumeId).ToHashSet(StringComparer.Ordinal);
        d.EbsSnapshots.RemoveAll(s => s.VolumeId is null || !keptVolumes.Contains(s.VolumeId));
        d.ElasticIps.RemoveAll(e => !addresses.Contains(e.AllocationId));
        d.NatGateways.RemoveAll(n => !natGateways.Contains(n.NatGatewayId));
        d.MachineImages.Clear();
        d.RdsInstances.RemoveAll(r => !databases.Contains(r.DbInstanceIdentifier));
        d.RdsSnapshots.Clear();
        d.EcsClusters.Clear();
        d.EcsServices.Clear();
        d.LambdaFunctions.Clear();
        d.LambdaEnvironments.Clear();
        d.LambdaUsage.Clear();
        d.S3Buckets.Clear();
        d.BucketWire.Clear();
        d.CostLines.Clear();
        d.CostSpikes.Clear();
        d.CohEnrolled = false;
        return d;
    }
}
