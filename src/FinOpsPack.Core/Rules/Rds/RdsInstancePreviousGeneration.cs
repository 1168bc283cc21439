namespace FinOpsPack.Core.Rules.Rds;

public sealed class RdsInstancePreviousGeneration : ICheck
{
    public static readonly CheckSetting<string[]> Families = new(
        "rds_instance_previous_generation.families",
        ["db.t1", "db.m1", "db.m2", "db.m3", "db.r3", "db.m4", "db.r4", "db.t2"],
        "DB instance class families RDS lists as previous generation.");

    public CheckMetadata Metadata { get; } = new(
        Id: "rds_instance_previous_generation",
        Title: "RDS instance on a previous-generation class",
        Service: "rds",
        ResourceType: "AWS::RDS::DBInstance",
        Category: CheckCategory.Modernization,
        Severity: Severity.Low,
        Description: "Previous-generation DB classes cost more per unit of performance than current ones and are being retired by RDS.",
        RequiredEvidence: [EvidenceNames.RdsInstances],
        SavingsMethod: "Cost Optimization Hub's estimate when it covers the instance; otherwise unknown (no RDS instance-hour price table is shipped).",
        Remediation: "Modify the DB instance class to the current-generation equivalent in the next maintenance window (Multi-AZ keeps the downtime to a failover).")
    {
        Settings = [Families.Info],
    };

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var families = context.Settings.Get(Families).ToHashSet(StringComparer.Ordinal);
        foreach (var db in context.Inventory.RdsInstances.Where(d => families.Contains(RdsInstanceFacts.Family(d.DbInstanceClass))))
        {
            yield return Metadata.CreateFinding(
                RdsInstanceFacts.Target(db),
                "Move to a current-generation DB instance class",
                $"{db.DbInstanceClass} ({db.Engine}) is a previous-generation class",
                Savings.Unknown("no RDS instance price table is shipped; Cost Optimization Hub prices this when it covers the instance"),
                new Dictionary<string, string>
                {
                    ["db_instance_class"] = db.DbInstanceClass,
                    ["engine"] = db.Engine,
                    ["status"] = db.Status,
                });
        }
    }
}
