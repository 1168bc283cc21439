namespace FinOpsPack.Core.Rules.Ec2;

public sealed class Ec2InstancePreviousGeneration : ICheck
{
    public static readonly CheckSetting<string[]> Families = new(
        "ec2_instance_previous_generation.families",
        ["t1", "t2", "m1", "m2", "m3", "m4", "c1", "c3", "c4", "cc2", "cg1", "cr1", "r3", "r4", "g2", "hs1", "i2", "d2"],
        "Instance families treated as previous generation (AWS's previous-generation list; adjust as AWS moves families).");

    public CheckMetadata Metadata { get; } = new(
        Id: "ec2_instance_previous_generation",
        Title: "Running EC2 instance of a previous-generation family",
        Service: "ec2",
        ResourceType: "AWS::EC2::Instance",
        Category: CheckCategory.Modernization,
        Severity: Severity.Low,
        Description: "Previous-generation families cost more per unit of performance than current ones and get no new capacity.",
        RequiredEvidence: [EvidenceNames.Ec2Instances],
        SavingsMethod: "Cost Optimization Hub's estimate when it covers the instance; otherwise unknown (the tool ships no EC2 instance price table).",
        Remediation: "Move to the current-generation equivalent of the family (stop, change instance type, start), checking AMI/driver support (ENA, NVMe).")
    {
        Settings = [Families.Info],
    };

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var families = context.Settings.Get(Families).ToHashSet(StringComparer.Ordinal);
        foreach (var instance in Ec2InstanceFacts.Running(context).Where(i => families.Contains(Ec2InstanceFacts.Family(i.InstanceType))))
        {
            yield return Metadata.CreateFinding(
                Ec2InstanceFacts.Target(instance),
                "Move to a current-generation instance type",
                $"{instance.InstanceType} is a previous-generation type",
                Savings.Unknown("no EC2 instance price table is shipped; Cost Optimization Hub prices this when it covers the instance"),
                new Dictionary<string, string>
                {
                    ["instance_type"] = instance.InstanceType,
                    ["state"] = instance.State,
                });
        }
    }
}
