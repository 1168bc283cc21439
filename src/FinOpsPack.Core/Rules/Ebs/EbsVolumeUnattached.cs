namespace FinOpsPack.Core.Rules.Ebs;

public sealed class EbsVolumeUnattached : ICheck
{
    public static readonly CheckSetting<int> MinAgeDays = new(
        "ebs_volume_unattached.min_age_days", 7, "Ignore volumes created fewer days ago (still being set up).");

    public CheckMetadata Metadata { get; } = new(
        Id: "ebs_volume_unattached",
        Title: "EBS volume not attached to any instance",
        Service: "ebs",
        ResourceType: "AWS::EC2::Volume",
        Category: CheckCategory.Waste,
        Severity: Severity.Medium,
        Description: "A volume in the 'available' state is billed for its provisioned size, IOPS and throughput although no instance uses it.",
        RequiredEvidence: [EvidenceNames.EbsVolumes],
        SavingsMethod: "The volume's whole monthly cost: its Cost Explorer resource-level cost where enabled, else size × the type's GB-month rate (+ provisioned IOPS/throughput above what the type includes) for its region.",
        Remediation: "Confirm nothing needs it, snapshot it if the data may be needed later (snapshot storage is billed separately), then delete the volume.")
    {
        OptionalEvidence = [EvidenceNames.CeResourceCosts],
        Settings = [MinAgeDays.Info],
    };

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var minAge = context.Settings.Get(MinAgeDays);
        foreach (var volume in context.Inventory.EbsVolumes.Where(v => v.State == "available" && v.AttachedInstanceIds.Count == 0))
        {
            if (volume.CreateTime is not { } created)
            {
                context.EvidenceIncomplete(volume.Region, volume.VolumeId, "creation time unknown: age cannot be judged");
                continue;
            }

            var ageDays = (context.Now - created).TotalDays;
            if (ageDays < minAge)
            {
                continue;
            }

            var formula = EbsVolumePricing.AddVolume(context.Formula(volume.Region), volume);
            var savings = Savings.FirstKnown(
                Savings.FromResourceCost(context, 1m, "deleting the volume ends all of it", volume.VolumeId, EbsVolumePricing.Arn(volume)),
                formula.ToEstimate(volume.VolumeType == "standard" ? "magnetic I/O requests not included" : null));
            yield return Metadata.CreateFinding(
                EbsVolumePricing.Target(volume),
                "Delete (snapshot first if the data may be needed)",
                $"{volume.SizeGiB} GiB {volume.VolumeType} volume unattached, created {ageDays:0} days ago",
                savings,
                new Dictionary<string, string>
                {
                    ["state"] = volume.State,
                    ["volume_type"] = volume.VolumeType,
                    ["size_gib"] = volume.SizeGiB.ToString(),
                    ["create_time"] = created.ToString("O"),
                    ["age_days"] = ageDays.ToString("0"),
                });
        }
    }
}
