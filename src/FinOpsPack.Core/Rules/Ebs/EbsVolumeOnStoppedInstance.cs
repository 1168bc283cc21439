using FinOpsPack.Core.Pricing;

namespace FinOpsPack.Core.Rules.Ebs;

public sealed class EbsVolumeOnStoppedInstance : ICheck
{
    public static readonly CheckSetting<int> MinStoppedDays = new(
        "ebs_volume_on_stopped_instance.min_stopped_days", 30, "Days an instance must have been stopped before its volumes are reported.");

    public CheckMetadata Metadata { get; } = new(
        Id: "ebs_volume_on_stopped_instance",
        Title: "EBS volume attached to an instance stopped for a long time",
        Service: "ebs",
        ResourceType: "AWS::EC2::Volume",
        Category: CheckCategory.Waste,
        Severity: Severity.Medium,
        Description: "A stopped instance costs nothing for compute, but its volumes are billed in full. After weeks stopped, a snapshot keeps the data for less.",
        RequiredEvidence: [EvidenceNames.Ec2Instances, EvidenceNames.EbsVolumes],
        SavingsMethod: "The volume's monthly cost (size × GB-month + provisioned IOPS/throughput) less a standard-tier snapshot of its full size kept instead: a lower bound, since snapshots store only used blocks.",
        Remediation: "If the instance is no longer needed, create an AMI or snapshots and terminate it; otherwise snapshot and delete its data volumes and recreate them when needed.")
    {
        Settings = [MinStoppedDays.Info],
    };

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var minDays = context.Settings.Get(MinStoppedDays);
        foreach (var instance in context.Inventory.Ec2Instances.Where(i => i.State == "stopped"))
        {
            if (instance.StoppedSince is not { } stopped)
            {
                context.EvidenceIncomplete(instance.Region, instance.InstanceId, "stopped instance whose stop time is not in its state-transition reason");
                continue;
            }

            var stoppedDays = (context.Now - stopped).TotalDays;
            if (stoppedDays < minDays)
            {
                continue;
            }

            foreach (var volume in context.VolumesOf(instance))
            {
                var formula = EbsVolumePricing.AddVolume(context.Formula(volume.Region), volume)
                    .Subtract("snapshot kept instead (full size, upper bound)", volume.SizeGiB, "GB", PriceSkus.SnapshotStandard);
                yield return Metadata.CreateFinding(
                    EbsVolumePricing.Target(volume),
                    "Snapshot and delete (or terminate the instance)",
                    $"{volume.SizeGiB} GiB {volume.VolumeType} volume on {instance.InstanceId}, stopped {stoppedDays:0} days ago",
                    formula.ToEstimate("lower bound"),
                    new Dictionary<string, string>
                    {
                        ["instance_id"] = instance.InstanceId,
                        ["instance_state"] = instance.State,
                        ["stopped_since"] = stopped.ToString("O"),
                        ["stopped_days"] = stoppedDays.ToString("0"),
                        ["volume_type"] = volume.VolumeType,
                        ["size_gib"] = volume.SizeGiB.ToString(),
                    });
            }
        }
    }
}
