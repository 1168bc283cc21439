using System.Text.RegularExpressions;

namespace FinOpsPack.Core.Aws;

/// <summary>Region names of the commercial partition (botocore partitions.json regex).</summary>
public static partial class AwsRegions
{
    public static IReadOnlyList<string> ParseList(string? csv)
    {
        if (string.IsNullOrWhiteSpace(csv))
        {
            return [];
        }

        var regions = csv.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var region in regions)
        {
            if (GovOrChina().IsMatch(region))
            {
                throw new UserInputException($"--regions: '{region}' is in GovCloud or China, which FinOps Pack does not support");
            }

            if (!Commercial().IsMatch(region))
            {
                throw new UserInputException($"--regions: '{region}' is not an AWS region name (e.g. us-east-1, eu-west-1)");
            }
        }

        return [.. regions.Distinct(StringComparer.Ordinal)];
    }

    [GeneratedRegex(@"^(us|eu|ap|sa|ca|me|af|il|mx)-[a-z]+-\d+$")]
    private static partial Regex Commercial();

    [GeneratedRegex(@"^(us-gov|cn)-[a-z]+-\d+$")]
    private static partial Regex GovOrChina();
}
