namespace FinOpsPack.Core.Rules.Rds;

public sealed class RdsInstanceGravitonCandidate : ICheck
{
    /// <summary>Engines RDS runs on Graviton classes (not Oracle or SQL Server).</summary>
    private static readonly HashSet<string> GravitonEngines = new(StringComparer.Ordinal)
    {
        "mysql", "postgres", "mariadb", "aurora-mysql", "aurora-postgresql",
    };

    private static readonly Dictionary<string, string> GravitonFamily = new(StringComparer.Ordinal)
    {
        ["db.t3"] = "db.t4g",
        ["db.m5"] = "db.m7g", ["db.m6i"] = "db.m7g", ["db.m7i"] = "db.m7g",
        ["db.r5"] = "db.r7g", ["db.r6i"] = "db.r7g", ["db.r7i"] = "db.r7g",
    };

    public CheckMetadata Metadata { get; } = new(
        Id: "rds_instance_graviton_candidate",
        Title: "RDS instance on an x86 class with a Graviton counterpart",
        Service: "rds",
        ResourceType: "AWS::RDS::DBInstance",
        Category: CheckCategory.Modernization,
        Severity: Severity.Low,
        Description: "For MySQL, PostgreSQL, MariaDB and Aurora, Graviton DB classes cost less per hour than the x86 classes of the same size; the engine is unchanged.",
        RequiredEvidence: [EvidenceNames.RdsInstances],
        SavingsMethod: "Cost Optimization Hub's estimate when it covers the instance; otherwise unknown (no RDS instance-hour price table is shipped).",
        Remediation: "Modify the DB instance class to the Graviton counterpart (check the engine version supports it); Multi-AZ keeps the downtime to a failover.");

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        foreach (var db in context.Inventory.RdsInstances.Where(d => GravitonEngines.Contains(d.Engine)))
        {
            if (!GravitonFamily.TryGetValue(RdsInstanceFacts.Family(db.DbInstanceClass), out var family))
            {
                continue;
            }

            var target = family + "." + RdsInstanceFacts.Size(db.DbInstanceClass);
            yield return Metadata.CreateFinding(
                RdsInstanceFacts.Target(db),
                $"Move to {target}",
                $"{db.DbInstanceClass} ({db.Engine}) has a Graviton counterpart {target}",
                Savings.Unknown("no RDS instance price table is shipped; Cost Optimization Hub prices this when it covers the instance"),
                new Dictionary<string, string>
                {
                    ["db_instance_class"] = db.DbInstanceClass,
                    ["engine"] = db.Engine,
                    ["graviton_class"] = target,
                });
        }
    }
}
