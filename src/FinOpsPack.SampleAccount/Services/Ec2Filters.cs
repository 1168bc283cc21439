using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using FinOpsPack.Core.Inventory;
using FinOpsPack.SampleAccount.Hosting;

namespace FinOpsPack.SampleAccount.Services;

/// <summary>
/// EC2 request filters as EC2 applies them: <c>Filter.N.Name</c> with values <c>Filter.N.Value.M</c>; values of one
/// filter are OR-ed, filters AND-ed; <c>*</c> and <c>?</c> are wildcards; <c>tag:Key</c> and <c>tag-key</c> work on
/// every resource; an unknown filter name is refused (InvalidParameterValue), as EC2 does.
/// </summary>
internal sealed class Ec2Filters<T>(
    IReadOnlyDictionary<string, Func<T, IEnumerable<string?>>> fields,
    Func<T, IReadOnlyDictionary<string, string>> tags)
{
    public Func<T, bool> Parse(SampleCall call)
    {
        var filters = new List<(string Name, IReadOnlyList<Regex> Values)>();
        for (var i = 1; call.Form.TryGetValue($"Filter.{i}.Name", out var name); i++)
        {
            if (!fields.ContainsKey(name) && !name.StartsWith("tag:", StringComparison.Ordinal) && name != "tag-key")
            {
                throw new Ec2RequestException("InvalidParameterValue", $"The filter '{name}' is invalid");
            }

            filters.Add((name, [.. call.FormList($"Filter.{i}.Value").Select(Glob)]));
        }

        return item => filters.All(f => Values(item, f.Name).Any(v => v is not null && f.Values.Any(p => p.IsMatch(v))));
    }

    private IEnumerable<string?> Values(T item, string name) =>
        name.StartsWith("tag:", StringComparison.Ordinal)
            ? tags(item).TryGetValue(name[4..], out var value) ? [value] : []
            : name == "tag-key" ? tags(item).Keys : fields[name](item);

    /// <summary>EC2 wildcards: <c>*</c> any run, <c>?</c> one character, a backslash escapes either.</summary>
    private static Regex Glob(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                regex.Append(Regex.Escape(pattern[++i].ToString()));
            }
            else
            {
                regex.Append(c switch { '*' => ".*", '?' => ".", _ => Regex.Escape(c.ToString()) });
            }
        }

        return new Regex(regex.Append('$').ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant);
    }
}

/// <summary>A request EC2 would refuse; the handler answers it in EC2's error XML.</summary>
internal sealed class Ec2RequestException(string code, string message, int status = 400) : Exception(message)
{
    public string Code { get; } = code;
    public int Status { get; } = status;
}

/// <summary>The filter names the handler understands per resource, with the EC2 field each reads.</summary>
internal static class Ec2FilterFields
{
    public static readonly Ec2Filters<AwsRegionInfo> Regions = new(
        new Dictionary<string, Func<AwsRegionInfo, IEnumerable<string?>>>
        {
            ["region-name"] = r => [r.RegionName],
            ["opt-in-status"] = r => [r.OptInStatus],
            ["endpoint"] = r => [$"ec2.{r.RegionName}.amazonaws.com"],
        },
        _ => new Dictionary<string, string>());

    public static readonly Ec2Filters<Ec2Instance> Instances = new(
        new Dictionary<string, Func<Ec2Instance, IEnumerable<string?>>>
        {
            ["instance-id"] = i => [i.InstanceId],
            ["instance-type"] = i => [i.InstanceType],
            ["instance-state-name"] = i => [i.State],
            ["availability-zone"] = i => [i.AvailabilityZone],
            ["image-id"] = i => [i.ImageId],
            ["instance-lifecycle"] = i => [i.Lifecycle],
            ["platform-details"] = i => [i.PlatformDetails],
            ["architecture"] = i => [i.Architecture],
            ["block-device-mapping.volume-id"] = i => i.VolumeIds,
        },
        i => i.Tags);

    public static readonly Ec2Filters<EbsVolume> Volumes = new(
        new Dictionary<string, Func<EbsVolume, IEnumerable<string?>>>
        {
            ["volume-id"] = v => [v.VolumeId],
            ["volume-type"] = v => [v.VolumeType],
            ["status"] = v => [v.State],
            ["availability-zone"] = v => [v.AvailabilityZone],
            ["snapshot-id"] = v => [v.SnapshotId],
            ["encrypted"] = v => [v.Encrypted ? "true" : "false"],
            ["size"] = v => [v.SizeGiB.ToString(CultureInfo.InvariantCulture)],
            ["attachment.instance-id"] = v => v.AttachedInstanceIds,
        },
        v => v.Tags);

    public static readonly Ec2Filters<EbsSnapshot> Snapshots = new(
        new Dictionary<string, Func<EbsSnapshot, IEnumerable<string?>>>
        {
            ["snapshot-id"] = s => [s.SnapshotId],
            ["volume-id"] = s => [s.VolumeId],
            ["status"] = s => [s.State],
            ["storage-tier"] = s => [s.StorageTier],
            ["description"] = s => [s.Description],
            ["volume-size"] = s => [s.VolumeSizeGiB.ToString(CultureInfo.InvariantCulture)],
            ["owner-id"] = s => [s.AccountId],
        },
        s => s.Tags);

    public static readonly Ec2Filters<ElasticIp> Addresses = new(
        new Dictionary<string, Func<ElasticIp, IEnumerable<string?>>>
        {
            ["allocation-id"] = a => [a.AllocationId],
            ["public-ip"] = a => [a.PublicIp],
            ["domain"] = a => [a.Domain],
            ["instance-id"] = a => [a.InstanceId],
            ["association-id"] = a => [a.AssociationId],
            ["network-interface-id"] = a => [a.NetworkInterfaceId],
        },
        a => a.Tags);

    public static readonly Ec2Filters<NatGateway> NatGateways = new(
        new Dictionary<string, Func<NatGateway, IEnumerable<string?>>>
        {
            ["nat-gateway-id"] = n => [n.NatGatewayId],
            ["state"] = n => [n.State],
            ["subnet-id"] = n => [n.SubnetId],
            ["vpc-id"] = n => [n.VpcId],
        },
        n => n.Tags);

    public static readonly Ec2Filters<MachineImage> Images = new(
        new Dictionary<string, Func<MachineImage, IEnumerable<string?>>>
        {
            ["image-id"] = m => [m.ImageId],
            ["name"] = m => [m.Name],
            ["state"] = m => [m.State],
            ["owner-id"] = m => [m.AccountId],
        },
        m => m.Tags);
}
