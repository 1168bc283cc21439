using FinOpsPack.Core.Pricing;

namespace FinOpsPack.Core.Rules.Ebs;

public sealed class EbsVolumeIo1Upgradable : ICheck
{
    public static readonly CheckSetting<int> MaxGp3Iops = new(
        "ebs_volume_io1_upgradable.max_gp3_iops", 16000, "io1 volumes provisioned up to this many IOPS are proposed for gp3 (gp3's maximum is 16,000); above it, io2.");

    public CheckMetadata Metadata { get; } = new(
        Id: "ebs_volume_io1_upgradable",
        Title: "io1 volume that gp3 or io2 would serve for less",
        Service: "ebs",
        ResourceType: "AWS::EC2::Volume",
        Category: CheckCategory.Modernization,
        Severity: Severity.Medium,
        Description: "io1 IOPS cost 13× gp3's. Up to 16,000 IOPS gp3 delivers the same IOPS with the same durability; above that io2 costs the same or less with higher durability.",
        RequiredEvidence: [EvidenceNames.EbsVolumes],
        SavingsMethod: "io1 cost (size × io1 GB-month + IOPS × io1 IOPS-month) − target cost: gp3 size × GB-month + IOPS above 3,000 × gp3 IOPS-month at 125 MiB/s, or io2 size × GB-month + IOPS in io2's per-volume price tiers.",
        Remediation: "Modify the volume type (online; aws ec2 modify-volume --volume-type gp3 --iops N) after checking the workload's throughput needs: gp3 throughput above 125 MiB/s is billed per MiB/s.")
    {
        Settings = [MaxGp3Iops.Info],
    };

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var maxGp3Iops = context.Settings.Get(MaxGp3Iops);
        foreach (var volume in context.Inventory.EbsVolumes.Where(v => v.VolumeType == "io1"))
        {
            if (volume.Iops is not { } iops)
            {
                context.EvidenceIncomplete(volume.Region, volume.VolumeId, "io1 volume without provisioned IOPS in the inventory");
                continue;
            }

            var toGp3 = iops <= maxGp3Iops;
            var formula = EbsVolumePricing.AddVolume(context.Formula(volume.Region), volume);
            string target;
            if (toGp3)
            {
                target = "gp3";
                formula.Subtract("gp3 storage", volume.SizeGiB, "GB", PriceSkus.EbsStorage("gp3"))
                    .Subtract("gp3 IOPS above 3000", Math.Max(0, iops - EbsVolumePricing.Gp3BaselineIops), "IOPS", PriceSkus.Gp3Iops);
            }
            else
            {
                target = "io2";
                formula.Subtract("io2 storage", volume.SizeGiB, "GB", PriceSkus.EbsStorage("io2"));
                EbsVolumePricing.AddIo2Iops(formula, iops, subtract: true);
            }

            yield return Metadata.CreateFinding(
                EbsVolumePricing.Target(volume),
                $"Change to {target} ({iops} IOPS)",
                $"{volume.SizeGiB} GiB io1 volume with {iops} provisioned IOPS; {target} serves the same IOPS",
                formula.ToEstimate(toGp3 ? "gp3 at its included 125 MiB/s throughput" : "io2 at the same IOPS"),
                new Dictionary<string, string>
                {
                    ["volume_type"] = "io1",
                    ["size_gib"] = volume.SizeGiB.ToString(),
                    ["iops"] = iops.ToString(),
                    ["target_type"] = target,
                    ["state"] = volume.State,
                });
        }
    }
}
