namespace FinOpsPack.Core.Rules.Rds;

public sealed class RdsInstanceMultiAzNonProduction : ICheck
{
    public static readonly CheckSetting<string[]> TagKeys = new(
        "rds_instance_multi_az_non_production.tag_keys", ["environment", "env", "stage"], "Tag keys naming the environment (case-insensitive).");

    public static readonly CheckSetting<string[]> NonProductionValues = new(
        "rds_instance_multi_az_non_production.non_production_values",
        ["dev", "development", "test", "testing", "qa", "staging", "stage", "sandbox", "nonprod", "non-prod", "uat", "demo"],
        "Tag values meaning non-production (case-insensitive).");

    public CheckMetadata Metadata { get; } = new(
        Id: "rds_instance_multi_az_non_production",
        Title: "Multi-AZ RDS instance tagged as non-production",
        Service: "rds",
        ResourceType: "AWS::RDS::DBInstance",
        Category: CheckCategory.Waste,
        Severity: Severity.Medium,
        Description: "A Multi-AZ instance deployment runs a standby and bills instance hours and storage at twice the Single-AZ rate; non-production databases rarely need it.",
        RequiredEvidence: [EvidenceNames.RdsInstances],
        SavingsMethod: "Half its Cost Explorer resource-level cost where enabled (Multi-AZ doubles instance and storage rates); else a lower bound from the price table: storage × (Multi-AZ − Single-AZ GB-month rate), instance hours excluded.",
        Remediation: "Modify the instance to Single-AZ (no downtime) if the environment tolerates an outage during a failure; keep automated backups.")
    {
        OptionalEvidence = [EvidenceNames.CeResourceCosts],
        Settings = [TagKeys.Info, NonProductionValues.Info],
    };

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var keys = context.Settings.Get(TagKeys).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var values = context.Settings.Get(NonProductionValues).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var db in context.Inventory.RdsInstances.Where(d => d.MultiAz && d.DbClusterIdentifier is null))
        {
            var tag = db.Tags.FirstOrDefault(t => keys.Contains(t.Key) && values.Contains(t.Value.Trim()));
            if (tag.Key is null)
            {
                continue;
            }

            var formula = RdsInstanceFacts.AddStorage(context.Formula(db.Region), db, multiAz: true);
            RdsInstanceFacts.AddStorage(formula, db, multiAz: false, subtract: true);
            var savings = Savings.FirstKnown(
                Savings.FromResourceCost(context, 0.5m, "Multi-AZ bills instance and storage at twice the Single-AZ rate", RdsInstanceFacts.CostIds(db)),
                formula.ToEstimate("lower bound: storage only, the standby's instance hours are not in the price table"));
            yield return Metadata.CreateFinding(
                RdsInstanceFacts.Target(db),
                "Convert to Single-AZ",
                $"Multi-AZ {db.DbInstanceClass} ({db.Engine}) tagged {tag.Key}={tag.Value}",
                savings,
                new Dictionary<string, string>
                {
                    ["multi_az"] = "true",
                    ["tag"] = $"{tag.Key}={tag.Value}",
                    ["db_instance_class"] = db.DbInstanceClass,
                    ["engine"] = db.Engine,
                });
        }
    }
}
