using FinOpsPack.Core.Rules;
using FinOpsPack.Core.Rules.Lambda;
using static FinOpsPack.Tests.Rules.InventoryFactory;

namespace FinOpsPack.Tests.Rules.Lambda;

public sealed class LambdaFunctionGravitonCandidateTests
{
    private readonly LambdaFunctionGravitonCandidate _check = new();

    [Fact]
    public void Should_Price_The_Duration_Difference_When_Duration_Evidence_Is_Complete()
    {
        // 14 days, 1,000,000 s of 1 GiB functions: 1e6 / 14 × 30.41667 = 2,172,619 GB-s a month
        // × (0.0000166667 − 0.0000133334) = 2,172,619 × 0.0000033333 = 7.2420
        var inventory = Inventory() with
        {
            LambdaFunctions = [Function("fn-1", memoryMb: 1024)],
            Metrics = [Metric("fn-1", MetricNames.LambdaNamespace, MetricNames.LambdaDuration, "Sum", sum: 1_000_000_000)],
        };

        var finding = CheckRun.Single(_check, inventory);

        Assert.Equal(7.24m, finding.Savings.MonthlyAmount);
        Assert.Contains("2172619 GB-s", finding.Savings.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_Report_With_Unknown_Savings_When_No_Duration_Evidence_Exists()
    {
        var finding = CheckRun.Single(_check, Inventory() with { LambdaFunctions = [Function("fn-1")] });

        Assert.Null(finding.Savings.MonthlyAmount);
        Assert.Equal(SavingsSource.Unknown, finding.Savings.Source);
    }

    [Fact]
    public void Should_Not_Report_When_On_Arm_Or_A_Runtime_Without_Arm()
    {
        var inventory = Inventory() with { LambdaFunctions = [Function("fn-arm", "arm64"), Function("fn-go", runtime: "go1.x")] };

        Assert.Empty(CheckRun.Evaluate(_check, inventory).Findings);
    }

    [Fact]
    public void Should_Report_Not_Evaluated_When_The_Function_Listing_Failed() =>
        CheckRun.AssertNotEvaluatedWithout(_check, Inventory() with { LambdaFunctions = [Function()] }, EvidenceNames.LambdaFunctions);
}
