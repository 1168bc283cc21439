using FinOpsPack.Core.Aws.Services.Ec2;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.Ec2;

/// <summary>The account's own AMIs (Owner=self) and the snapshots behind them, which keep those snapshots alive.</summary>
public sealed class ImagesCollector : ICollector
{
    public string Name => "ec2.images";

    public CollectorScope Scope => CollectorScope.Regional;

    public IReadOnlyList<string> RequiredActions { get; } = ["ec2:DescribeImages"];

    public string Provides => "the account's own AMIs: unused images, and which snapshots an image still needs";

    /// <summary>MaxResults per call; null asks for the largest page.</summary>
    public int? PageSize { get; init; }

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var client = new Ec2Client(context.Transport, context.Region) { PageSize = PageSize };
        await foreach (var image in client.DescribeImagesAsync([], ct).ConfigureAwait(false))
        {
            context.Inventory.Add(ToInventory(context.AccountId, context.Region, image));
        }
    }

    internal static MachineImage ToInventory(string accountId, string region, Image image) =>
        new(
            accountId,
            region,
            image.ImageId,
            Ec2Text.NullIfEmpty(image.Name),
            Ec2Text.IsoDate(image.CreationDate),
            image.State,
            [.. image.BlockDeviceMappings.Select(m => m.SnapshotId).OfType<string>().Where(s => s.Length > 0)],
            Ec2Text.IsoDate(image.LastLaunchedTime),
            image.Tags);
}
