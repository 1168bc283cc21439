using FinOpsPack.Core.Pricing;

namespace FinOpsPack.Core.Rules.Ebs;

public sealed class EbsVolumeGp2ToGp3 : ICheck
{
    private const int Gp2MaxIops = 16000;
    private const int Gp2FullThroughputMinGiB = 334;

    public CheckMetadata Metadata { get; } = new(
        Id: "ebs_volume_gp2_to_gp3",
        Title: "gp2 volume that would cost less as gp3",
        Service: "ebs",
        ResourceType: "AWS::EC2::Volume",
        Category: CheckCategory.Modernization,
        Severity: Severity.Low,
        Description: "gp3 costs 20% less per GB than gp2 and includes 3,000 IOPS and 125 MiB/s whatever the size; gp2's performance grows with size.",
        RequiredEvidence: [EvidenceNames.EbsVolumes],
        SavingsMethod: "gp2 cost − gp3 cost at equal performance: size × (gp2 − gp3 GB-month rate), less gp3 IOPS above 3,000 to match gp2's 3 IOPS/GiB baseline and 125 MiB/s extra throughput for volumes of 334 GiB or more (gp2's 250 MiB/s).",
        Remediation: "Modify the volume type to gp3 (online, no detach; aws ec2 modify-volume --volume-type gp3), setting IOPS/throughput to at least the gp2 baseline shown.");

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        foreach (var volume in context.Inventory.EbsVolumes.Where(v => v.VolumeType == "gp2"))
        {
            var baselineIops = Math.Clamp(3 * volume.SizeGiB, 100, Gp2MaxIops);
            var extraIops = Math.Max(0, baselineIops - EbsVolumePricing.Gp3BaselineIops);
            var extraThroughput = volume.SizeGiB >= Gp2FullThroughputMinGiB ? 250 - EbsVolumePricing.Gp3BaselineThroughput : 0;
            var formula = context.Formula(volume.Region)
                .Add("gp2 storage", volume.SizeGiB, "GB", PriceSkus.EbsStorage("gp2"))
                .Subtract("gp3 storage", volume.SizeGiB, "GB", PriceSkus.EbsStorage("gp3"))
                .Subtract("gp3 IOPS above 3000", extraIops, "IOPS", PriceSkus.Gp3Iops)
                .Subtract("gp3 throughput above 125 MiB/s", extraThroughput, "MiB/s", PriceSkus.Gp3Throughput);
            var iops = EbsVolumePricing.Gp3BaselineIops + extraIops;
            var throughput = EbsVolumePricing.Gp3BaselineThroughput + extraThroughput;
            yield return Metadata.CreateFinding(
                EbsVolumePricing.Target(volume),
                $"Change to gp3 ({iops} IOPS, {throughput} MiB/s)",
                $"{volume.SizeGiB} GiB gp2 volume (baseline {baselineIops} IOPS) would cost less as gp3",
                formula.ToEstimate(),
                new Dictionary<string, string>
                {
                    ["volume_type"] = "gp2",
                    ["size_gib"] = volume.SizeGiB.ToString(),
                    ["gp2_baseline_iops"] = baselineIops.ToString(),
                    ["gp3_iops"] = iops.ToString(),
                    ["gp3_throughput_mibps"] = throughput.ToString(),
                    ["state"] = volume.State,
                });
        }
    }
}
