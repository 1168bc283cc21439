using FinOpsPack.Core.Aws.Services.Ec2;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.Ec2;

public sealed class ElasticIpsCollector : ICollector
{
    public string Name => "ec2.elastic-ips";

    public CollectorScope Scope => CollectorScope.Regional;

    public IReadOnlyList<string> RequiredActions { get; } = ["ec2:DescribeAddresses"];

    public string Provides => "Elastic IP addresses: unassociated addresses billed by the hour";

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var client = new Ec2Client(context.Transport, context.Region);
        foreach (var address in await client.DescribeAddressesAsync([], ct).ConfigureAwait(false))
        {
            context.Inventory.Add(ToInventory(context.AccountId, context.Region, address));
        }
    }

    /// <summary>EC2-Classic addresses have no allocation id; AWS identifies them by their public IP, and so do we.</summary>
    internal static ElasticIp ToInventory(string accountId, string region, Address address) =>
        new(
            accountId,
            region,
            Ec2Text.NullIfEmpty(address.AllocationId) ?? address.PublicIp,
            address.PublicIp,
            Ec2Text.NullIfEmpty(address.AssociationId),
            Ec2Text.NullIfEmpty(address.InstanceId),
            Ec2Text.NullIfEmpty(address.NetworkInterfaceId),
            address.Domain,
            address.Tags);
}
