using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Pricing;

namespace FinOpsPack.Core.Rules.Ebs;

/// <summary>A volume's monthly list price by type: storage plus provisioned IOPS and throughput above what the type includes.</summary>
internal static class EbsVolumePricing
{
    public const int Gp3BaselineIops = 3000;
    public const int Gp3BaselineThroughput = 125;
    private const int Io2Tier1Max = 32000;
    private const int Io2Tier2Max = 64000;

    public static CostFormula AddVolume(CostFormula formula, EbsVolume volume)
    {
        var type = volume.VolumeType;
        formula.Add(type + " storage", volume.SizeGiB, "GB", PriceSkus.EbsStorage(type));
        switch (type)
        {
            case "gp3":
                formula.Add("gp3 IOPS above 3000", Math.Max(0, (volume.Iops ?? Gp3BaselineIops) - Gp3BaselineIops), "IOPS", PriceSkus.Gp3Iops);
                formula.Add("gp3 throughput above 125 MiB/s", Math.Max(0, (volume.Throughput ?? Gp3BaselineThroughput) - Gp3BaselineThroughput), "MiB/s", PriceSkus.Gp3Throughput);
                break;
            case "io1" when volume.Iops is { } iops:
                formula.Add("io1 IOPS", iops, "IOPS", PriceSkus.Io1Iops);
                break;
            case "io2" when volume.Iops is { } iops:
                AddIo2Iops(formula, iops, subtract: false);
                break;
            case "io1" or "io2":
                formula.Unknown(type + " volume without provisioned IOPS in the inventory");
                break;
        }

        return formula;
    }

    /// <summary>io2 IOPS are priced in per-volume tiers: 0–32,000, 32,001–64,000, above 64,000.</summary>
    public static CostFormula AddIo2Iops(CostFormula formula, int iops, bool subtract)
    {
        Func<string, decimal, string, string, CostFormula> term = subtract ? formula.Subtract : formula.Add;
        term("io2 IOPS tier 1", Math.Min(iops, Io2Tier1Max), "IOPS", PriceSkus.Io2IopsTier1);
        term("io2 IOPS tier 2", Math.Clamp(iops - Io2Tier1Max, 0, Io2Tier2Max - Io2Tier1Max), "IOPS", PriceSkus.Io2IopsTier2);
        term("io2 IOPS tier 3", Math.Max(0, iops - Io2Tier2Max), "IOPS", PriceSkus.Io2IopsTier3);
        return formula;
    }

    public static string Arn(EbsVolume volume) => Arns.Ec2(volume.Region, volume.AccountId, "volume", volume.VolumeId);

    public static FindingTarget Target(EbsVolume volume) =>
        new(volume.AccountId, volume.Region, volume.VolumeId, Arn(volume), volume.Tags.GetValueOrDefault("Name"));
}
