using System.Globalization;

namespace FinOpsPack.Core.Rules.Rds;

public sealed class RdsSnapshotManualOld : ICheck
{
    public static readonly CheckSetting<int> MinAgeDays = new(
        "rds_snapshot_manual_old.min_age_days", 180, "Manual snapshots at least this old are reported.");

    public CheckMetadata Metadata { get; } = new(
        Id: "rds_snapshot_manual_old",
        Title: "Old manual RDS snapshot",
        Service: "rds",
        ResourceType: "AWS::RDS::DBSnapshot",
        Category: CheckCategory.Waste,
        Severity: Severity.Low,
        Description: "Manual snapshots are kept until deleted and billed as backup storage; old ones, especially of deleted instances, are often forgotten.",
        RequiredEvidence: [EvidenceNames.RdsSnapshots],
        SavingsMethod: "Its Cost Explorer resource-level cost where enabled; otherwise unknown (RDS backup storage is not in the shipped price table, and storage up to the region's provisioned DB storage is free).",
        Remediation: "Check retention requirements; delete snapshots no longer needed, or export to S3 / copy to a cheaper archive if they must be kept.")
    {
        OptionalEvidence = [EvidenceNames.RdsInstances, EvidenceNames.CeResourceCosts],
        Settings = [MinAgeDays.Info],
    };

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var minAge = context.Settings.Get(MinAgeDays);
        var instances = context.Inventory.RdsInstances.Select(d => (d.Region, d.DbInstanceIdentifier)).ToHashSet();
        foreach (var snapshot in context.Inventory.RdsSnapshots.Where(s => s.SnapshotType == "manual" && s.Status == "available"))
        {
            if (snapshot.SnapshotCreateTime is not { } created)
            {
                context.EvidenceIncomplete(snapshot.Region, snapshot.DbSnapshotIdentifier, "creation time unknown: age cannot be judged");
                continue;
            }

            var ageDays = (context.Now - created).TotalDays;
            if (ageDays < minAge)
            {
                continue;
            }

            var sourceExists = snapshot.DbInstanceIdentifier is { } source && instances.Contains((snapshot.Region, source));
            var sourceKnown = sourceExists || context.Succeeded(EvidenceNames.RdsInstances, snapshot.Region);
            yield return Metadata.CreateFinding(
                new FindingTarget(snapshot.AccountId, snapshot.Region, snapshot.DbSnapshotIdentifier, snapshot.DbSnapshotArn, snapshot.DbSnapshotIdentifier),
                "Delete if no longer needed",
                string.Create(CultureInfo.InvariantCulture, $"{snapshot.AllocatedStorageGiB} GiB manual snapshot of {snapshot.DbInstanceIdentifier ?? "an unknown instance"}{(sourceKnown && !sourceExists ? " (instance gone)" : "")}, {ageDays:0} days old"),
                Savings.FirstKnown(
                    Savings.FromResourceCost(context, 1m, "deleting the snapshot ends its charge", snapshot.DbSnapshotArn, snapshot.DbSnapshotIdentifier),
                    Savings.Unknown("RDS backup storage is not in the shipped price table, and backup storage up to the region's provisioned DB storage is free")),
                new Dictionary<string, string>
                {
                    ["snapshot_type"] = snapshot.SnapshotType,
                    ["snapshot_create_time"] = created.ToString("O"),
                    ["age_days"] = ageDays.ToString("0", CultureInfo.InvariantCulture),
                    ["source_instance"] = snapshot.DbInstanceIdentifier ?? "",
                    ["source_instance_exists"] = sourceKnown ? (sourceExists ? "true" : "false") : "unknown",
                    ["allocated_storage_gib"] = snapshot.AllocatedStorageGiB.ToString(CultureInfo.InvariantCulture),
                });
        }
    }
}
