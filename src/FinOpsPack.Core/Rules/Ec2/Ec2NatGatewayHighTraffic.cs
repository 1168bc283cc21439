using System.Globalization;
using FinOpsPack.Core.Pricing;

namespace FinOpsPack.Core.Rules.Ec2;

public sealed class Ec2NatGatewayHighTraffic : ICheck
{
    public static readonly CheckSetting<int> MinGiBPerMonth = new(
        "ec2_nat_gateway_high_traffic.min_gib_per_month", 1000, "Monthly processed traffic above which gateway endpoints are suggested.");

    public static readonly CheckSetting<int> MinWindowDays = new(
        "ec2_nat_gateway_high_traffic.min_window_days", 14, "Days of complete CloudWatch evidence needed.");

    public CheckMetadata Metadata { get; } = new(
        Id: "ec2_nat_gateway_high_traffic",
        Title: "NAT gateway processing heavy traffic that S3/DynamoDB gateway endpoints may take off it",
        Service: "ec2",
        ResourceType: "AWS::EC2::NatGateway",
        Category: CheckCategory.Waste,
        Severity: Severity.Medium,
        Description: "Every GB through a NAT gateway carries a processing charge. Traffic to S3 and DynamoDB can go through VPC gateway endpoints, which cost nothing.",
        RequiredEvidence: [EvidenceNames.NatGateways, EvidenceNames.CloudWatchMetrics],
        SavingsMethod: "Unknown: the processing charge (GiB/month × the per-GB rate) is shown, but the share bound for S3/DynamoDB is not visible in CloudWatch; VPC Flow Logs show it. That share of the charge is what gateway endpoints save.",
        Remediation: "Check VPC Flow Logs for traffic to the S3/DynamoDB prefix lists; if significant, add gateway endpoints for them to the VPC's route tables.")
    {
        Settings = [MinGiBPerMonth.Info, MinWindowDays.Info],
    };

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var threshold = context.Settings.Get(MinGiBPerMonth);
        var minDays = context.Settings.Get(MinWindowDays);
        foreach (var nat in context.Inventory.NatGateways.Where(n => n.State == "available"))
        {
            if (NatGatewayTraffic.Read(context, nat, minDays) is not { } traffic || traffic.GiBPerMonth < threshold)
            {
                continue;
            }

            var gib = Math.Round(traffic.GiBPerMonth, 0);
            var charge = context.Formula(nat.Region).Add("data processed", gib, "GB", PriceSkus.NatGatewayDataProcessed);
            var evidence = traffic.Evidence();
            evidence["processing_charge"] = charge.Describe();
            if (traffic.ToSource is null)
            {
                evidence["note"] = "BytesOutToSource not collected: traffic is a lower bound";
            }

            yield return Metadata.CreateFinding(
                new FindingTarget(nat.AccountId, nat.Region, nat.NatGatewayId, Arns.Ec2(nat.Region, nat.AccountId, "natgateway", nat.NatGatewayId), nat.Tags.GetValueOrDefault("Name")),
                "Add S3/DynamoDB gateway endpoints for traffic bound there",
                string.Create(CultureInfo.InvariantCulture, $"NAT gateway processes about {gib:0} GiB a month"),
                Savings.Unknown("the processing charge is " + charge.Describe() + "; the share bound for S3/DynamoDB (free through gateway endpoints) is not visible in CloudWatch"),
                evidence);
        }
    }
}
