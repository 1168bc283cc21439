using System.Text.RegularExpressions;

namespace FinOpsPack.Core.Aws;

/// <summary>A validated IAM role ARN in the commercial partition.</summary>
public sealed partial record RoleArn(string Value, string Partition, string AccountId, string Path, string RoleName)
{
    public override string ToString() => Value;

    /// <summary>Parses a role ARN or throws <see cref="UserInputException"/> with one line saying what is wrong.</summary>
    public static RoleArn Parse(string value)
    {
        var m = Shape().Match(value ?? "");
        if (!m.Success)
        {
            throw new UserInputException(
                $"--role-arn '{value}' is not an IAM role ARN: expected arn:aws:iam::<12-digit account>:role/<optional path/>name");
        }

        var partition = m.Groups["partition"].Value;
        if (partition is "aws-us-gov" or "aws-cn")
        {
            throw new UserInputException(
                $"--role-arn is in the {partition} partition, which FinOps Pack does not support: GovCloud and China need a separate deployment and trust model");
        }

        if (partition != "aws")
        {
            throw new UserInputException($"--role-arn partition '{partition}' is not supported; only 'aws' (commercial) is");
        }

        var path = m.Groups["path"].Value;
        return new RoleArn(value!, partition, m.Groups["account"].Value, path.Length == 0 ? "/" : "/" + path, m.Groups["name"].Value);
    }

    // Role names: 1–64 of [\w+=,.@-]; paths: /-delimited segments of printable ASCII (IAM CreateRole documentation).
    [GeneratedRegex(@"^arn:(?<partition>aws[a-z-]*):iam::(?<account>\d{12}):role/(?:(?<path>(?:[\x21-\x2E\x30-\x7E]+/)+))?(?<name>[\w+=,.@-]{1,64})$")]
    private static partial Regex Shape();
}
