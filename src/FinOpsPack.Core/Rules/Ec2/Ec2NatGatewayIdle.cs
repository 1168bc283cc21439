using FinOpsPack.Core.Pricing;

namespace FinOpsPack.Core.Rules.Ec2;

public sealed class Ec2NatGatewayIdle : ICheck
{
    public static readonly CheckSetting<int> MinWindowDays = new(
        "ec2_nat_gateway_idle.min_window_days", 14, "Days of complete CloudWatch evidence needed to call a NAT gateway idle.");

    public CheckMetadata Metadata { get; } = new(
        Id: "ec2_nat_gateway_idle",
        Title: "NAT gateway that processed no traffic over a complete window",
        Service: "ec2",
        ResourceType: "AWS::EC2::NatGateway",
        Category: CheckCategory.Waste,
        Severity: Severity.Medium,
        Description: "A NAT gateway is billed by the hour whether or not traffic flows. Zero bytes over a complete multi-week CloudWatch window means nothing uses it.",
        RequiredEvidence: [EvidenceNames.NatGateways, EvidenceNames.CloudWatchMetrics],
        SavingsMethod: "Its Cost Explorer resource-level cost where enabled, else 730 hours × the NAT gateway hourly rate for its region (data processing is zero when idle).",
        Remediation: "Confirm no route table sends traffic to it, delete it, then release its Elastic IP (public IPv4 is billed separately).")
    {
        OptionalEvidence = [EvidenceNames.CeResourceCosts],
        Settings = [MinWindowDays.Info],
    };

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var minDays = context.Settings.Get(MinWindowDays);
        foreach (var nat in context.Inventory.NatGateways.Where(n => n.State == "available"))
        {
            if (NatGatewayTraffic.Read(context, nat, minDays) is not { Bytes: 0 } traffic)
            {
                continue;
            }

            var arn = Arns.Ec2(nat.Region, nat.AccountId, "natgateway", nat.NatGatewayId);
            var savings = Savings.FirstKnown(
                Savings.FromResourceCost(context, 1m, "deleting the gateway ends its charge", nat.NatGatewayId, arn),
                context.Formula(nat.Region).Add("NAT gateway", PriceSkus.HoursPerMonth, "h", PriceSkus.NatGatewayHours).ToEstimate());
            yield return Metadata.CreateFinding(
                new FindingTarget(nat.AccountId, nat.Region, nat.NatGatewayId, arn, nat.Tags.GetValueOrDefault("Name")),
                "Delete",
                $"NAT gateway processed 0 bytes over {traffic.WindowDays:0} days",
                savings,
                traffic.Evidence());
        }
    }
}
