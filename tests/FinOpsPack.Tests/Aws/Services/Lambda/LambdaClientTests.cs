using System.Text.Json;
using FinOpsPack.Core.Aws.Services.Lambda;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Collectors.Lambda;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Scanning;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Aws.Services.Lambda;

public sealed class LambdaClientTests
{
    private const string Secret = "SAMPLE_SECRET_DO_NOT_LEAK";

    private static readonly string PageWithSecrets = """
        {"Functions":[{"FunctionName":"orders-api","FunctionArn":"arn:aws:lambda:us-east-1:123456789012:function:orders-api",
          "Runtime":"nodejs20.x","MemorySize":512,"Timeout":15,"Architectures":["arm64"],"PackageType":"Zip","CodeSize":1024,
          "LastModified":"2026-03-15T10:30:00.000+0000",
          "Environment":{"Variables":{"DB_PASSWORD":"@SECRET@","API_KEY":"@SECRET@-2"},"Error":{"Message":"@SECRET@"}}}]}
        """.Replace("@SECRET@", Secret, StringComparison.Ordinal);

    [Fact]
    public async Task Should_Leave_No_Trace_Of_Environment_Variables_When_A_Function_Carries_Secrets()
    {
        // Given a ListFunctions page whose function has environment variables holding a secret
        var transport = new RecordingTransport().Reply("ListFunctions", PageWithSecrets);

        // When the functions are listed, and the collector turns them into inventory
        var functions = await new LambdaClient(transport, "us-east-1").ListFunctionsAsync(CancellationToken.None).ToListAsync();
        var inventory = new InventoryBuilder("123456789012");
        transport.Reply("ListFunctions", PageWithSecrets);
        await new LambdaFunctionsCollector().CollectAsync(
            new CollectorContext(transport, inventory, new ScanSettings(), TimeProvider.System, "us-east-1", ["us-east-1"]), CancellationToken.None);

        // Then the function is read, and neither the parsed records nor the inventory as scan.json writes it hold the secret
        var function = Assert.Single(functions);
        Assert.Equal(512, function.MemorySize);
        Assert.DoesNotContain(typeof(FunctionConfiguration).GetProperties(), p => p.Name.Contains("Environment", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, JsonSerializer.Serialize(functions));
        Assert.DoesNotContain(Secret, JsonSerializer.Serialize(functions.Single()));
        var scanJson = JsonSerializer.Serialize(inventory.Build(), ScanJson.Options);
        Assert.Contains("orders-api", scanJson);
        Assert.DoesNotContain(Secret, scanJson);
        Assert.DoesNotContain("DB_PASSWORD", scanJson);
    }

    [Fact]
    public async Task Should_Page_With_Marker_And_NextMarker_When_Listing_Functions()
    {
        // Given two pages
        var transport = new RecordingTransport()
            .Reply("ListFunctions", """{"Functions":[{"FunctionName":"a","FunctionArn":"arn:aws:lambda:eu-west-1:1:function:a"}],"NextMarker":"a/b+c=="}""")
            .Reply("ListFunctions", """{"Functions":[{"FunctionName":"b","FunctionArn":"arn:aws:lambda:eu-west-1:1:function:b"}]}""");

        // When all functions are listed
        var functions = await new LambdaClient(transport, "eu-west-1").ListFunctionsAsync(CancellationToken.None).ToListAsync();

        // Then the second GET carries the escaped marker and both pages' functions arrive
        Assert.Equal(["a", "b"], functions.Select(f => f.FunctionName));
        Assert.Equal("/2015-03-31/functions?MaxItems=50", transport.Requests[0].PathAndQuery);
        Assert.Equal("/2015-03-31/functions?MaxItems=50&Marker=a%2Fb%2Bc%3D%3D", transport.Requests[1].PathAndQuery);
        Assert.All(transport.Requests, r => Assert.Equal(HttpMethod.Get, r.Method));
    }

    [Theory]
    [InlineData("2020-04-10T19:06:32.563+0000", "2020-04-10T19:06:32.5630000+00:00")]
    [InlineData("2020-04-10T21:06:32.563+0200", "2020-04-10T19:06:32.5630000+00:00")]
    [InlineData("2020-04-10T19:06:32Z", "2020-04-10T19:06:32.0000000+00:00")]
    [InlineData("2026-11-22T06:25:29.645647123Z", "2026-11-22T06:25:29.6456471+00:00")]
    [InlineData("2020-04-10T21:06:32.5+02:00", "2020-04-10T19:06:32.5000000+00:00")]
    public void Should_Read_Lambda_LastModified_When_The_Offset_Has_No_Colon(string text, string expectedUtc)
    {
        // When Lambda's LastModified text is read, Then it is the same instant
        Assert.Equal(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), LambdaClient.ParseLastModified(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("last tuesday")]
    public void Should_Read_No_Date_When_LastModified_Is_Absent_Or_Unreadable(string? text) =>
        Assert.Null(LambdaClient.ParseLastModified(text));
}
