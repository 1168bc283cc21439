using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Services.Lambda;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors.Lambda;

/// <summary>Lambda functions of a region (configuration only: never environment variables, never code).</summary>
public sealed class LambdaFunctionsCollector : ICollector
{
    public string Name => "lambda.functions";

    public CollectorScope Scope => CollectorScope.Regional;

    public IReadOnlyList<string> RequiredActions { get; } = ["lambda:ListFunctions"];

    public string Provides => "Lambda functions (architecture and memory findings)";

    public async Task CollectAsync(CollectorContext context, CancellationToken ct)
    {
        var client = new LambdaClient(context.Transport, context.Region);
        await foreach (var f in client.ListFunctionsAsync(ct).ConfigureAwait(false))
        {
            // Absent members take the values AWS documents as defaults.
            context.Inventory.Add(new LambdaFunction(
                context.AccountId,
                context.Region,
                f.FunctionName,
                f.FunctionArn,
                TokenPool.Shared(f.Runtime),
                f.MemorySize ?? 128,
                f.Timeout ?? 3,
                f.Architectures is { Count: > 0 } architectures ? architectures : ["x86_64"],
                TokenPool.Shared(f.PackageType) ?? "Zip",
                f.CodeSize ?? 0,
                LambdaClient.ParseLastModified(f.LastModified)));
        }
    }
}
