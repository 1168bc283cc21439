using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Rules.Ec2;

/// <summary>Bytes a NAT gateway processed over a complete window: every byte leaves either to the destination or back to the source.</summary>
internal sealed record NatGatewayTraffic(MetricEvidence ToDestination, MetricEvidence? ToSource)
{
    private const decimal BytesPerGiB = 1024m * 1024m * 1024m;

    public decimal Bytes => (decimal)(ToDestination.Sum ?? 0) + (decimal)(ToSource?.Sum ?? 0);

    public double WindowDays => MetricWindow.Days(ToDestination);

    public decimal GiBPerMonth => Bytes / BytesPerGiB / (decimal)WindowDays * Pricing.PriceSkus.DaysPerMonth;

    /// <summary>Null (after reporting the gap) unless BytesOutToDestination is complete; BytesOutToSource is used when also complete.</summary>
    public static NatGatewayTraffic? Read(CheckContext context, NatGateway nat, int minDays)
    {
        var toDestination = MetricWindow.Require(
            context, nat.Region, nat.NatGatewayId, MetricNames.NatNamespace, MetricNames.NatBytesOutToDestination, "Sum", minDays);
        if (toDestination is null)
        {
            return null;
        }

        if (nat.CreateTime is { } created && created > toDestination.WindowStart)
        {
            context.EvidenceIncomplete(nat.Region, nat.NatGatewayId, "created inside the evidence window");
            return null;
        }

        var toSource = context.Metric(nat.Region, nat.NatGatewayId, MetricNames.NatNamespace, MetricNames.NatBytesOutToSource, "Sum");
        return new NatGatewayTraffic(toDestination, toSource is { Complete: true } ? toSource : null);
    }

    public Dictionary<string, string> Evidence() => new()
    {
        ["bytes_out_to_destination"] = MetricWindow.Describe(ToDestination) + $", sum {ToDestination.Sum ?? 0:0} bytes",
        ["bytes_out_to_source"] = ToSource is null ? "not collected" : MetricWindow.Describe(ToSource) + $", sum {ToSource.Sum ?? 0:0} bytes",
        ["gib_per_month"] = GiBPerMonth.ToString("0.##"),
    };
}
