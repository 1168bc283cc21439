using System.Globalization;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Pricing;

namespace FinOpsPack.Core.Rules.Lambda;

public sealed class LambdaFunctionGravitonCandidate : ICheck
{
    /// <summary>Runtimes on Amazon Linux 1 or retired, which have no arm64 build.</summary>
    private static readonly HashSet<string> NoArmRuntimes = new(StringComparer.Ordinal)
    {
        "go1.x", "java8", "python2.7", "python3.6", "python3.7", "nodejs", "nodejs4.3", "nodejs6.10", "nodejs8.10", "nodejs10.x",
        "dotnetcore1.0", "dotnetcore2.0", "dotnetcore2.1", "ruby2.5", "provided",
    };

    public static readonly CheckSetting<int> MinWindowDays = new(
        "lambda_function_graviton_candidate.min_window_days", 14, "Days of complete Duration evidence needed to price the saving.");

    public CheckMetadata Metadata { get; } = new(
        Id: "lambda_function_graviton_candidate",
        Title: "Lambda function on x86_64 that could run on arm64 (Graviton)",
        Service: "lambda",
        ResourceType: "AWS::Lambda::Function",
        Category: CheckCategory.Modernization,
        Severity: Severity.Low,
        Description: "arm64 Lambda duration costs 20% less per GB-second than x86_64; functions on managed runtimes usually switch by changing the architecture setting.",
        RequiredEvidence: [EvidenceNames.LambdaFunctions],
        SavingsMethod: "Monthly GB-seconds (CloudWatch Duration sum over a complete window × memory, scaled to 730 hours) × (x86_64 − arm64 GB-second rate); unknown without complete Duration evidence. Request charges are the same on both.",
        Remediation: "Check native dependencies and layers have arm64 builds, set Architectures to arm64 on a new version, and shift traffic with an alias.")
    {
        OptionalEvidence = [EvidenceNames.CloudWatchMetrics],
        Settings = [MinWindowDays.Info],
    };

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        var minDays = context.Settings.Get(MinWindowDays);
        foreach (var function in context.Inventory.LambdaFunctions)
        {
            if (!function.Architectures.SequenceEqual(["x86_64"]) || (function.Runtime is { } runtime && NoArmRuntimes.Contains(runtime)))
            {
                continue;
            }

            var evidence = new Dictionary<string, string>
            {
                ["runtime"] = function.Runtime ?? "",
                ["package_type"] = function.PackageType,
                ["memory_mb"] = function.MemorySizeMb.ToString(CultureInfo.InvariantCulture),
                ["architectures"] = string.Join(",", function.Architectures),
            };
            if (function.PackageType == "Image")
            {
                evidence["note"] = "container image: needs an arm64 image build";
            }

            yield return Metadata.CreateFinding(
                new FindingTarget(function.AccountId, function.Region, function.FunctionName, function.FunctionArn, function.FunctionName),
                "Switch the architecture to arm64",
                $"{function.FunctionName} ({function.Runtime ?? function.PackageType}, {function.MemorySizeMb} MB) runs on x86_64",
                Price(context, function, minDays, evidence),
                evidence);
        }
    }

    private static SavingsEstimate Price(CheckContext context, LambdaFunction function, int minDays, Dictionary<string, string> evidence)
    {
        var duration = context.Metric(function.Region, function.FunctionName, MetricNames.LambdaNamespace, MetricNames.LambdaDuration, "Sum");
        if (duration is not { Complete: true, Sum: { } milliseconds } || MetricWindow.Days(duration) < minDays)
        {
            return Savings.Unknown("needs a complete CloudWatch Duration (Sum) window of at least " + minDays + " days to know the GB-seconds");
        }

        evidence["duration"] = MetricWindow.Describe(duration) + string.Create(CultureInfo.InvariantCulture, $", sum {milliseconds:0} ms");
        var gbSecondsPerMonth = (decimal)milliseconds / 1000m * function.MemorySizeMb / 1024m
            / (decimal)MetricWindow.Days(duration) * PriceSkus.DaysPerMonth;
        var gbSeconds = Math.Round(gbSecondsPerMonth, 0);
        return context.Formula(function.Region)
            .Add("x86_64 duration", gbSeconds, "GB-s", PriceSkus.LambdaX86Duration)
            .Subtract("arm64 duration", gbSeconds, "GB-s", PriceSkus.LambdaArmDuration)
            .ToEstimate();
    }
}
