using System.Globalization;

namespace FinOpsPack.Core.Rules.Rds;

public sealed class RdsInstanceIdle : ICheck
{
    public static readonly CheckSetting<int> MinWindowDays = new(
        "rds_instance_idle.min_window_days", 14, "Days of complete DatabaseConnections evidence needed to call an instance idle.");

    public CheckMetadata Metadata { get; } = new(
        Id: "rds_instance_idle",
        Title: "RDS instance with no connections over a complete window",
        Service: "rds",
        ResourceType: "AWS::RDS::DBInstance",
        Category: CheckCategory.Waste,
        Severity: Severity.High,
        Description: "A DB instance with a maximum of zero connections over weeks of complete CloudWatch data serves nobody, yet bills instance hours and storage.",
        RequiredEvidence: [EvidenceNames.RdsInstances, EvidenceNames.CloudWatchMetrics],
        SavingsMethod: "Its Cost Explorer resource-level cost where enabled; else a lower bound from the price table: allocated storage (and io1 IOPS) × the engine's Single- or Multi-AZ GB-month rate, instance hours excluded (no instance price table is shipped).",
        Remediation: "Confirm with the owner, take a final snapshot, then delete the instance (or stop it: RDS restarts stopped instances after 7 days).")
    {
        OptionalEvidence = [EvidenceNames.CeResourceCosts],
        Settings = [MinWindowDays.Info],
    };

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var minDays = context.Settings.Get(MinWindowDays);
        foreach (var db in context.Inventory.RdsInstances.Where(d => d.Status == "available"))
        {
            var connections = MetricWindow.Require(
                context, db.Region, db.DbInstanceIdentifier, MetricNames.RdsNamespace, MetricNames.DatabaseConnections, "Maximum", minDays);
            if (connections is null || connections.Maximum is not 0)
            {
                continue;
            }

            var savings = Savings.FirstKnown(
                Savings.FromResourceCost(context, 1m, "deleting the instance ends all of it", RdsInstanceFacts.CostIds(db)),
                RdsInstanceFacts.AddStorage(context.Formula(db.Region), db, db.MultiAz).ToEstimate("lower bound: storage only, instance hours not in the price table"));
            yield return Metadata.CreateFinding(
                RdsInstanceFacts.Target(db),
                "Snapshot and delete",
                string.Create(CultureInfo.InvariantCulture, $"{db.DbInstanceClass} ({db.Engine}) had no connections over {MetricWindow.Days(connections):0} days"),
                savings,
                new Dictionary<string, string>
                {
                    ["db_instance_class"] = db.DbInstanceClass,
                    ["engine"] = db.Engine,
                    ["multi_az"] = db.MultiAz ? "true" : "false",
                    ["allocated_storage_gib"] = db.AllocatedStorageGiB.ToString(CultureInfo.InvariantCulture),
                    ["connections"] = MetricWindow.Describe(connections) + ", maximum 0",
                });
        }
    }
}
