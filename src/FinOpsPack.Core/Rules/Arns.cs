namespace FinOpsPack.Core.Rules;

/// <summary>ARNs for resources whose describe calls return only an id, so findings can be joined to Cost Optimization Hub's.</summary>
public static class Arns
{
    public static string Partition(string region) => region switch
    {
        _ when region.StartsWith("cn-", StringComparison.Ordinal) => "aws-cn",
        _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => "aws-us-gov",
        _ => "aws",
    };

    /// <summary>e.g. <c>arn:aws:ec2:us-east-1:123456789012:volume/vol-1</c>.</summary>
    public static string Ec2(string region, string accountId, string resourceType, string id) =>
        $"arn:{Partition(region)}:ec2:{region}:{accountId}:{resourceType}/{id}";

    /// <summary>
    /// The ARN without a version qualifier (Lambda's <c>function:name:42</c> has 8 colon-separated parts), the form
    /// Cost Optimization Hub and the inventory are joined on.
    /// </summary>
    public static string Normalize(string arn)
    {
        if (arn.AsSpan().Count(':') != 7)
        {
            return arn;
        }

        var parts = arn.Split(':');
        return parts[2] == "lambda" ? string.Join(':', parts[..7]) : arn;
    }
}
