namespace FinOpsPack.Core.Rules.Ec2;

public sealed class Ec2InstanceGravitonCandidate : ICheck
{
    /// <summary>x86 families with a Graviton counterpart of the same shape (vCPU:memory ratio).</summary>
    private static readonly Dictionary<string, string> GravitonFamily = new(StringComparer.Ordinal)
    {
        ["t2"] = "t4g", ["t3"] = "t4g", ["t3a"] = "t4g",
        ["m4"] = "m7g", ["m5"] = "m7g", ["m5a"] = "m7g", ["m5n"] = "m7g", ["m6i"] = "m7g", ["m6a"] = "m7g", ["m7i"] = "m7g", ["m7a"] = "m7g",
        ["m5d"] = "m7gd", ["m6id"] = "m7gd",
        ["c4"] = "c7g", ["c5"] = "c7g", ["c5a"] = "c7g", ["c5n"] = "c7gn", ["c6i"] = "c7g", ["c6a"] = "c7g", ["c7i"] = "c7g", ["c7a"] = "c7g",
        ["c5d"] = "c7gd", ["c6id"] = "c7gd",
        ["r4"] = "r7g", ["r5"] = "r7g", ["r5a"] = "r7g", ["r5n"] = "r7g", ["r6i"] = "r7g", ["r6a"] = "r7g", ["r7i"] = "r7g", ["r7a"] = "r7g",
        ["r5d"] = "r7gd", ["r6id"] = "r7gd",
    };

    public CheckMetadata Metadata { get; } = new(
        Id: "ec2_instance_graviton_candidate",
        Title: "Linux x86 EC2 instance with a Graviton (arm64) counterpart",
        Service: "ec2",
        ResourceType: "AWS::EC2::Instance",
        Category: CheckCategory.Modernization,
        Severity: Severity.Low,
        Description: "Graviton instances cost less per hour than their x86 counterparts of the same size; Linux workloads on interpreted or JIT runtimes usually move with little work.",
        RequiredEvidence: [EvidenceNames.Ec2Instances],
        SavingsMethod: "Cost Optimization Hub's MigrateToGraviton estimate when it covers the instance; otherwise unknown (no EC2 instance price table is shipped).",
        Remediation: "Build or pick an arm64 AMI, test the workload on the Graviton type, then switch (stop, change type, start) or roll out through the launch template.");

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        foreach (var instance in Ec2InstanceFacts.Running(context))
        {
            if (instance.Architecture != "x86_64"
                || instance.PlatformDetails != "Linux/UNIX"
                || !GravitonFamily.TryGetValue(Ec2InstanceFacts.Family(instance.InstanceType), out var target))
            {
                continue;
            }

            var size = instance.InstanceType[(instance.InstanceType.IndexOf('.', StringComparison.Ordinal) + 1)..];
            yield return Metadata.CreateFinding(
                Ec2InstanceFacts.Target(instance),
                $"Migrate to {target}.{size}",
                $"{instance.InstanceType} (x86_64, Linux) has a Graviton counterpart {target}.{size}",
                Savings.Unknown("no EC2 instance price table is shipped; Cost Optimization Hub prices this when it covers the instance"),
                new Dictionary<string, string>
                {
                    ["instance_type"] = instance.InstanceType,
                    ["architecture"] = instance.Architecture ?? "",
                    ["platform"] = instance.PlatformDetails ?? "",
                    ["graviton_type"] = $"{target}.{size}",
                });
        }
    }
}
