using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Rules.Ec2;

internal static class Ec2InstanceFacts
{
    /// <summary>"m5" for "m5.large".</summary>
    public static string Family(string instanceType) => instanceType.Split('.')[0];

    public static FindingTarget Target(Ec2Instance instance) => new(
        instance.AccountId,
        instance.Region,
        instance.InstanceId,
        Arns.Ec2(instance.Region, instance.AccountId, "instance", instance.InstanceId),
        instance.Tags.GetValueOrDefault("Name"));

    public static IEnumerable<Ec2Instance> Running(CheckContext context) =>
        context.Inventory.Ec2Instances.Where(i => i.State == "running");
}
