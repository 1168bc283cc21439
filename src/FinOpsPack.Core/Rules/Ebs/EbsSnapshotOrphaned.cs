using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Pricing;

namespace FinOpsPack.Core.Rules.Ebs;

public sealed class EbsSnapshotOrphaned : ICheck
{
    /// <summary>The placeholder volume id EC2 gives snapshots copied from another snapshot.</summary>
    private const string CopiedSnapshotVolumeId = "vol-ffffffff";

    public static readonly CheckSetting<int> MinAgeDays = new(
        "ebs_snapshot_orphaned.min_age_days", 90, "Only snapshots at least this old are reported.");

    public CheckMetadata Metadata { get; } = new(
        Id: "ebs_snapshot_orphaned",
        Title: "Old EBS snapshot whose source volume is gone and no AMI uses",
        Service: "ebs",
        ResourceType: "AWS::EC2::Snapshot",
        Category: CheckCategory.Waste,
        Severity: Severity.Low,
        Description: "A snapshot outliving its volume by months, not referenced by any of the account's AMIs, is usually a leftover that keeps being billed.",
        RequiredEvidence: [EvidenceNames.EbsSnapshots, EvidenceNames.EbsVolumes, EvidenceNames.MachineImages],
        SavingsMethod: "Its Cost Explorer resource-level cost where enabled; else, when it is the only snapshot of its volume, its full size × the standard (or archive) tier GB-month rate. Snapshots are incremental: when others share its blocks, what deleting it frees is unknown.",
        Remediation: "Check with the owner (tags, description), then delete the snapshot or move it to the archive tier if it must be kept for compliance.")
    {
        OptionalEvidence = [EvidenceNames.CeResourceCosts],
        Settings = [MinAgeDays.Info],
    };

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var minAge = context.Settings.Get(MinAgeDays);
        var inventory = context.Inventory;
        var volumes = inventory.EbsVolumes.Select(v => (v.Region, v.VolumeId)).ToHashSet();
        var imageSnapshots = inventory.MachineImages.SelectMany(i => i.SnapshotIds.Select(s => (i.Region, s))).ToHashSet();
        var lineage = inventory.EbsSnapshots.Where(s => HasSource(s)).CountBy(s => (s.Region, s.VolumeId!)).ToDictionary();

        foreach (var snapshot in inventory.EbsSnapshots.Where(s => s.State == "completed"))
        {
            if (snapshot.StartTime is not { } started)
            {
                context.EvidenceIncomplete(snapshot.Region, snapshot.SnapshotId, "start time unknown: age cannot be judged");
                continue;
            }

            var ageDays = (context.Now - started).TotalDays;
            if (ageDays < minAge
                || (HasSource(snapshot) && volumes.Contains((snapshot.Region, snapshot.VolumeId!)))
                || imageSnapshots.Contains((snapshot.Region, snapshot.SnapshotId)))
            {
                continue;
            }

            var arn = Arns.Ec2(snapshot.Region, snapshot.AccountId, "snapshot", snapshot.SnapshotId);
            var onlyOne = HasSource(snapshot) && lineage[(snapshot.Region, snapshot.VolumeId!)] == 1;
            yield return Metadata.CreateFinding(
                new FindingTarget(snapshot.AccountId, snapshot.Region, snapshot.SnapshotId, arn, snapshot.Tags.GetValueOrDefault("Name")),
                "Delete (or archive if it must be kept)",
                $"{snapshot.VolumeSizeGiB} GiB snapshot from {snapshot.VolumeId ?? "an unknown volume"} (gone), {ageDays:0} days old, used by no AMI",
                Savings.FirstKnown(
                    Savings.FromResourceCost(context, 1m, "deleting the snapshot ends its charge", snapshot.SnapshotId, arn),
                    PriceTable(context, snapshot, onlyOne)),
                new Dictionary<string, string>
                {
                    ["source_volume_id"] = snapshot.VolumeId ?? "",
                    ["source_volume_exists"] = "false",
                    ["used_by_ami"] = "false",
                    ["start_time"] = started.ToString("O"),
                    ["age_days"] = ageDays.ToString("0"),
                    ["storage_tier"] = snapshot.StorageTier ?? "standard",
                    ["full_snapshot_size_bytes"] = snapshot.FullSnapshotSizeBytes?.ToString() ?? "",
                    ["description"] = snapshot.Description ?? "",
                });
        }
    }

    private static bool HasSource(EbsSnapshot snapshot) =>
        snapshot.VolumeId is { Length: > 0 } id && id != CopiedSnapshotVolumeId;

    private static SavingsEstimate PriceTable(CheckContext context, EbsSnapshot snapshot, bool onlySnapshotOfVolume)
    {
        if (!onlySnapshotOfVolume)
        {
            return Savings.Unknown("incremental snapshot: other snapshots of the same volume may share its blocks, so the storage deleting it frees is not known");
        }

        if (snapshot.FullSnapshotSizeBytes is not { } bytes)
        {
            return Savings.Unknown("the snapshot's stored size (FullSnapshotSizeInBytes) was not returned");
        }

        var archived = snapshot.StorageTier == "archive";
        var gib = Math.Round((decimal)bytes / (1024m * 1024m * 1024m), 2);
        return context.Formula(snapshot.Region)
            .Add(archived ? "archived snapshot" : "snapshot", gib, "GB", archived ? PriceSkus.SnapshotArchive : PriceSkus.SnapshotStandard)
            .ToEstimate("only snapshot of its volume, so deleting it frees its full stored size");
    }
}
