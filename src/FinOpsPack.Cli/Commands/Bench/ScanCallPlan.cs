using FinOpsPack.Core.Collectors;
using FinOpsPack.SampleAccount.Dataset;

namespace FinOpsPack.Cli.Commands.Bench;

/// <summary>
/// The calls a scan of a sample dataset must make, collector by collector, from the dataset's contents and the page
/// sizes AWS allows: what the critical path is computed from. A collector without a model here is listed as such, so
/// the bound never silently leaves out a new one; the benchmark also compares the planned calls with the audit.
/// </summary>
public static class ScanCallPlan
{
    private const string Home = "us-east-1";
    private const string Regions = "ec2.regions";

    public static (IReadOnlyList<PlannedStep> Steps, IReadOnlyList<string> NotModelled) For(SampleDataset d)
    {
        var steps = new List<PlannedStep>
        {
            // The session: whoami, then AssumeRole; every collector waits for it.
            new("sts.session", "sts", Home, 2),
            new(Regions, "ec2", Home, 1, "sts.session"),
        };
        var modelled = new HashSet<string>(StringComparer.Ordinal) { Regions };

        int Pages(int items, int operationMax) => Math.Max(1, (int)Math.Ceiling(items / (double)Math.Min(operationMax, d.MaxPageSize)));

        void Regional(string collector, string service, Func<string, int> sequential, params string[] after)
        {
            modelled.Add(collector);
            foreach (var region in d.EnabledRegions)
            {
                steps.Add(new($"{collector}@{region}", service, region, sequential(region), [Regions, .. after.Select(a => $"{a}@{region}")]));
            }
        }

        Regional("ec2.instances", "ec2", r => Pages(d.Ec2Instances.Where(i => i.Region == r).Select(i => d.Ec2ReservationIds[i.InstanceId]).Distinct().Count(), 1000));
        Regional("ebs.volumes", "ec2", r => Pages(d.EbsVolumes.Count(v => v.Region == r), 500));
        Regional("ebs.snapshots", "ec2", r => Pages(d.EbsSnapshots.Count(s => s.Region == r), 1000));
        Regional("ec2.nat-gateways", "ec2", r => Pages(d.NatGateways.Count(n => n.Region == r), 1000));
        Regional("ec2.images", "ec2", r => Pages(d.MachineImages.Count(m => m.Region == r), 1000));
        Regional("ec2.elastic-ips", "ec2", _ => 1);

        var notModelled = CollectorCatalog.All.Select(c => c.Name).Where(n => !modelled.Contains(n)).Order(StringComparer.Ordinal).ToList();
        return (steps, notModelled);
    }
}
