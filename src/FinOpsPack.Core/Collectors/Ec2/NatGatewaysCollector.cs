using FinOpsPack.Core.Aws.Services.Ec2;
using Wire = FinOpsPack.Core.Aws.Services.Ec2;

namespace FinOpsPack.Core.Collectors.Ec2;

public sealed class NatGatewaysCollector : ICollector
{
    public string Name => "ec2.nat-gateways";

    public CollectorScope Scope => CollectorScope.Regional;

    public IReadOnlyList<string> RequiredActions { get; } = ["ec2:DescribeNatGateways"];

    public string Provides => "NAT gateways: idle gateways and gateways whose traffic could use VPC endpoints";

    /// <summary>MaxResults per call; null asks for the largest page.</summary>
    public int? PageSize { get; init; }

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var client = new Ec2Client(context.Transport, context.Region) { PageSize = PageSize };
        await foreach (var gateway in client.DescribeNatGatewaysAsync([], ct).ConfigureAwait(false))
        {
            context.Inventory.Add(ToInventory(context.AccountId, context.Region, gateway));
        }
    }

    internal static Inventory.NatGateway ToInventory(string accountId, string region, Wire.NatGateway gateway) =>
        new(
            accountId,
            region,
            gateway.NatGatewayId,
            gateway.State,
            Ec2Text.NullIfEmpty(gateway.VpcId),
            Ec2Text.NullIfEmpty(gateway.SubnetId),
            Ec2Text.NullIfEmpty(gateway.ConnectivityType),
            gateway.CreateTime,
            gateway.Tags);
}
