using FinOpsPack.Core.Aws.Services.Ec2;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.Ec2;

/// <summary>Every region of the partition with its opt-in status; the runner scans the enabled ones unless told otherwise.</summary>
public sealed class RegionsCollector : ICollector
{
    public string Name => "ec2.regions";

    public CollectorScope Scope => CollectorScope.Global;

    public IReadOnlyList<string> RequiredActions { get; } = ["ec2:DescribeRegions"];

    public string Provides => "the account's enabled regions; without it only the regions named with --regions are scanned";

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var client = new Ec2Client(context.Transport, context.Region);
        foreach (var region in await client.DescribeRegionsAsync(ct).ConfigureAwait(false))
        {
            context.Inventory.Add(ToInventory(region));
        }
    }

    /// <summary>An absent opt-in status (responses older than opt-in regions) is kept as "unknown", not guessed.</summary>
    internal static AwsRegionInfo ToInventory(Region region) =>
        new(region.RegionName, Ec2Text.NullIfEmpty(region.OptInStatus) ?? "unknown");
}
