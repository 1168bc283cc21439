using FinOpsPack.Core.Aws.Services.Ec2;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.Ec2;

public sealed class InstancesCollector : ICollector
{
    public string Name => "ec2.instances";

    public CollectorScope Scope => CollectorScope.Regional;

    public IReadOnlyList<string> RequiredActions { get; } = ["ec2:DescribeInstances"];

    public string Provides => "EC2 instances: idle, long-stopped, previous-generation and Graviton findings, and which volumes sit on stopped instances";

    /// <summary>MaxResults per call; null asks for the largest page.</summary>
    public int? PageSize { get; init; }

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var client = new Ec2Client(context.Transport, context.Region) { PageSize = PageSize };
        await foreach (var reservation in client.DescribeInstancesAsync([], ct).ConfigureAwait(false))
        {
            context.Inventory.AddRange(reservation.Instances.Select(i => ToInventory(context.AccountId, context.Region, i)));
        }
    }

    /// <param name="instance">
    /// <c>instanceLifecycle</c> is absent for on-demand instances, so <see cref="Ec2Instance.Lifecycle"/> null means on-demand.
    /// Responses that predate <c>platformDetails</c> only say <c>platform=windows</c>; that is read as "Windows".
    /// </param>
    internal static Ec2Instance ToInventory(string accountId, string region, Instance instance) =>
        new(
            accountId,
            region,
            instance.InstanceId,
            instance.InstanceType,
            instance.State.Name,
            instance.LaunchTime,
            instance.State.Name == "stopped" ? Ec2Text.StoppedSince(instance.StateTransitionReason) : null,
            Ec2Text.NullIfEmpty(instance.PlatformDetails) ?? (instance.Platform == "windows" ? "Windows" : null),
            Ec2Text.NullIfEmpty(instance.Architecture),
            Ec2Text.NullIfEmpty(instance.AvailabilityZone),
            Ec2Text.NullIfEmpty(instance.InstanceLifecycle),
            Ec2Text.NullIfEmpty(instance.ImageId),
            [.. instance.BlockDeviceMappings.Select(m => m.VolumeId).OfType<string>().Where(v => v.Length > 0)],
            instance.Tags);
}
