using FinOpsPack.Core.Pricing;

namespace FinOpsPack.Core.Rules.Ec2;

public sealed class Ec2ElasticIpUnassociated : ICheck
{
    public CheckMetadata Metadata { get; } = new(
        Id: "ec2_elastic_ip_unassociated",
        Title: "Elastic IP address not associated with anything",
        Service: "ec2",
        ResourceType: "AWS::EC2::EIP",
        Category: CheckCategory.Waste,
        Severity: Severity.Low,
        Description: "Every public IPv4 address is billed by the hour since February 2024, whether in use or idle; an unassociated Elastic IP serves nothing.",
        RequiredEvidence: [EvidenceNames.ElasticIps],
        SavingsMethod: "Its Cost Explorer resource-level cost where enabled, else 730 hours × the idle public IPv4 hourly rate for its region.",
        Remediation: "Release the address if no DNS record or allow-list depends on it (aws ec2 release-address --allocation-id ...).")
    {
        OptionalEvidence = [EvidenceNames.CeResourceCosts],
    };

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        foreach (var address in context.Inventory.ElasticIps.Where(a => a.AssociationId is null && a.InstanceId is null && a.NetworkInterfaceId is null))
        {
            var arn = Arns.Ec2(address.Region, address.AccountId, "elastic-ip", address.AllocationId);
            var savings = Savings.FirstKnown(
                Savings.FromResourceCost(context, 1m, "releasing ends its charge", address.AllocationId, address.PublicIp, arn),
                context.Formula(address.Region).Add("idle public IPv4", PriceSkus.HoursPerMonth, "h", PriceSkus.PublicIpv4Idle).ToEstimate());
            yield return Metadata.CreateFinding(
                new FindingTarget(address.AccountId, address.Region, address.AllocationId, arn, address.Tags.GetValueOrDefault("Name") ?? address.PublicIp),
                "Release",
                $"Elastic IP {address.PublicIp} is not associated with any instance or network interface",
                savings,
                new Dictionary<string, string>
                {
                    ["public_ip"] = address.PublicIp,
                    ["domain"] = address.Domain,
                    ["association_id"] = "",
                });
        }
    }
}
