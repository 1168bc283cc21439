using System.Text.Json;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Scanning;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Collectors.Lambda;

public sealed class LambdaFunctionsCollectorTests
{
    [Fact]
    public async Task Should_Collect_Every_Function_Of_Both_Regions_And_Never_Their_Environment()
    {
        // Given the sample account, one of whose functions has a secret in its environment variables
        await using var session = await SampleAccountSession.StartAsync();
        var d = session.Dataset;

        // When the Lambda collector runs in both regions
        var (inventory, outcomes) = await session.RunAsync(["lambda.functions"]);

        // Then every function is there with its fields, and the secret is nowhere in what scan.json would hold
        Assert.All(outcomes, o => Assert.Equal(CollectorStatus.Ok, o.Status));
        var json = JsonSerializer.Serialize(inventory, ScanJson.Options);
        Assert.Equal(
            JsonSerializer.Serialize(d.LambdaFunctions.OrderBy(f => f.FunctionArn, StringComparer.Ordinal), ScanJson.Options),
            JsonSerializer.Serialize(inventory.LambdaFunctions, ScanJson.Options));
        Assert.DoesNotContain(SampleDataset.SampleSecret, json);
        Assert.Contains(inventory.LambdaFunctions, f => f.Architectures.Contains("arm64"));
        Assert.Contains(inventory.LambdaFunctions, f => f.PackageType == "Image" && f.Runtime is null);
    }
}
