using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using FinOpsPack.Core.Aws;
using FinOpsPack.SampleAccount.Hosting;
using static FinOpsPack.SampleAccount.Services.Ec2Responses;

namespace FinOpsPack.SampleAccount.Services;

/// <summary>
/// The sample account's EC2: the seven Describe operations FinOps Pack calls, answered as EC2 answers them (EC2 query
/// protocol, <c>xxxSet/item</c> lists, <c>nextToken</c> paging with opaque tokens, EC2's error XML). Pages never exceed
/// <c>Dataset.MaxPageSize</c>, whatever MaxResults asks, so every client paginates.
/// </summary>
public sealed class Ec2Handler : ISampleServiceHandler
{
    private const string ApiVersion = "2016-11-15";

    /// <summary>MaxResults bounds per operation (aws-wire.md §3.5); DescribeImages documents none beyond 1000.</summary>
    private static readonly Dictionary<string, (int Min, int Max)> PageBounds = new(StringComparer.Ordinal)
    {
        ["DescribeInstances"] = (5, 1000),
        ["DescribeVolumes"] = (5, 500),
        ["DescribeSnapshots"] = (5, 1000),
        ["DescribeNatGateways"] = (5, 1000),
        ["DescribeImages"] = (1, 1000),
    };

    private static readonly HashSet<string> Operations = new(StringComparer.Ordinal)
    {
        "DescribeRegions", "DescribeInstances", "DescribeVolumes", "DescribeSnapshots", "DescribeAddresses", "DescribeNatGateways", "DescribeImages",
    };

    public AwsService Service => AwsService.Ec2;

    public string ThrottleCode => "RequestLimitExceeded";

    public string? ResolveOperation(SampleCall call) =>
        call.Form.TryGetValue("Action", out var action) && Operations.Contains(action) ? action : null;

    public Task HandleAsync(SampleCall call, string operation, CancellationToken ct)
    {
        string body;
        var status = 200;
        try
        {
            body = Document(operation, call.RequestId, Answer(call, operation));
        }
        catch (Ec2RequestException e)
        {
            (body, status) = (Error(e.Code, e.Message, call.RequestId), e.Status);
        }

        return call.WriteXmlAsync(body, status);
    }

    private static object?[] Answer(SampleCall call, string operation)
    {
        if (!call.Form.TryGetValue("Version", out var version) || version != ApiVersion)
        {
            throw new Ec2RequestException("MissingParameter", "The request must contain the parameter Version " + ApiVersion);
        }

        var data = call.Dataset;
        if (operation == "DescribeRegions")
        {
            return [DescribeRegions(call)];
        }

        // A region the account has not opted in to does not accept the account's credentials.
        if (data.AllRegions.Any(r => r.RegionName == call.Region && r.OptInStatus == "not-opted-in"))
        {
            throw new Ec2RequestException("AuthFailure", "AWS was not able to validate the provided access credentials", 401);
        }

        return operation switch
        {
            "DescribeInstances" => DescribeInstances(call),
            "DescribeVolumes" => Paged(call, operation, "volumeSet", InRegion(call, data.EbsVolumes, v => v.Region).Where(Ec2FilterFields.Volumes.Parse(call)),
                v => Volume(data, v)),
            "DescribeSnapshots" => Paged(call, operation, "snapshotSet",
                InRegion(call, data.EbsSnapshots, s => s.Region).Where(_ => OwnedBySelf(call)).Where(Ec2FilterFields.Snapshots.Parse(call)), s => Snapshot(data, s)),
            "DescribeAddresses" =>
                [Set("addressesSet", InRegion(call, data.ElasticIps, a => a.Region).Where(Ec2FilterFields.Addresses.Parse(call)).Select(a => Address(data, a)))],
            "DescribeNatGateways" => Paged(call, operation, "natGatewaySet",
                InRegion(call, data.NatGateways, n => n.Region).Where(Ec2FilterFields.NatGateways.Parse(call)), n => NatGateway(data, n)),
            "DescribeImages" => Paged(call, operation, "imagesSet",
                InRegion(call, data.MachineImages, m => m.Region).Where(_ => OwnedBySelf(call)).Where(Ec2FilterFields.Images.Parse(call)), m => Image(data, m)),
            _ => throw new Ec2RequestException("InvalidAction", $"The action {operation} is not valid for this web service."),
        };
    }

    /// <summary>Without <c>AllRegions=true</c> EC2 lists only the regions enabled for the account.</summary>
    private static XElement DescribeRegions(SampleCall call)
    {
        var all = call.Form.TryGetValue("AllRegions", out var allRegions) && allRegions == "true";
        var names = call.FormList("RegionName");
        var matches = Ec2FilterFields.Regions.Parse(call);
        return Set("regionInfo", call.Dataset.AllRegions
            .Where(r => all || r.OptInStatus != "not-opted-in")
            .Where(r => names.Count == 0 || names.Contains(r.RegionName))
            .Where(matches)
            .Select(Region));
    }

    /// <summary>
    /// Pages over reservations (an instance never splits from its reservation); a filter keeps the matching instances
    /// of each reservation and drops reservations left empty, as EC2 does.
    /// </summary>
    private static object?[] DescribeInstances(SampleCall call)
    {
        var data = call.Dataset;
        var matches = Ec2FilterFields.Instances.Parse(call);
        var reservations = InRegion(call, data.Ec2Instances, i => i.Region)
            .Where(matches)
            .GroupBy(i => data.Ec2ReservationIds[i.InstanceId])
            .ToList();
        return Paged(call, "DescribeInstances", "reservationSet", reservations, r => Reservation(data, r.Key, r));
    }

    private static IEnumerable<T> InRegion<T>(SampleCall call, IEnumerable<T> items, Func<T, string> region) =>
        items.Where(i => region(i) == call.Region);

    /// <summary><c>Owner.N</c>: <c>self</c> or the account id match the account's own resources; anything else (amazon, another account) matches none of them.</summary>
    private static bool OwnedBySelf(SampleCall call)
    {
        var owners = call.FormList("Owner");
        return owners.Count == 0 || owners.Any(o => o == "self" || o == call.Dataset.AccountId);
    }

    private static object?[] Paged<T>(SampleCall call, string operation, string setName, IEnumerable<T> items, Func<T, XElement> write)
    {
        var all = items.ToList();
        var (min, max) = PageBounds[operation];
        var pageSize = call.Dataset.MaxPageSize;
        if (call.Form.TryGetValue("MaxResults", out var maxResults))
        {
            if (!int.TryParse(maxResults, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) || asked < min || asked > max)
            {
                throw new Ec2RequestException("InvalidParameterValue",
                    $"Value ( {maxResults} ) for parameter maxResults is invalid. Expecting a value between {min} and {max}.");
            }

            pageSize = Math.Min(pageSize, asked);
        }

        var fingerprint = Fingerprint(call);
        var offset = call.Form.TryGetValue("NextToken", out var token)
            ? ReadToken(token, operation, call.Region, fingerprint, all.Count)
            : 0;
        var page = all.Skip(offset).Take(pageSize).ToList();
        var next = offset + page.Count < all.Count ? WriteToken(operation, call.Region, fingerprint, offset + page.Count) : null;
        return [Set(setName, page.Select(write)), next is null ? null : E("nextToken", next)];
    }

    /// <summary>A token is only good for the same operation, region and request parameters it was issued for.</summary>
    private static string Fingerprint(SampleCall call)
    {
        var parameters = string.Join('&', call.Form
            .Where(f => f.Key is not ("NextToken" or "MaxResults"))
            .OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Key + "=" + f.Value));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(parameters)))[..16];
    }

    private static string WriteToken(string operation, string region, string fingerprint, int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"ec2|{operation}|{region}|{fingerprint}|{offset.ToString(CultureInfo.InvariantCulture)}"));

    private static int ReadToken(string token, string operation, string region, string fingerprint, int count)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(token)).Split('|');
            if (parts is ["ec2", var op, var r, var f, var o] && op == operation && r == region && f == fingerprint
                && int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset > 0 && offset < count)
            {
                return offset;
            }
        }
        catch (FormatException)
        {
        }

        throw new Ec2RequestException("InvalidParameterValue", "The value passed for nextToken is not valid.");
    }
}
