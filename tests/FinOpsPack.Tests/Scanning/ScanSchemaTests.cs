using FinOpsPack.Core.Scanning;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Scanning;

public sealed class ScanSchemaTests
{
    [Fact]
    public void Should_Match_The_Committed_Schema_When_The_Result_Types_Change()
    {
        // Given the schema derived from the types scan.json is written from
        var path = Path.Combine(RepoPaths.Root, "schemas", "scan.schema.json");
        var generated = ScanSchema.Generate();
        if (Environment.GetEnvironmentVariable("FINOPS_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(path, generated);
        }

        // Then the committed copy is that schema (regenerate: FINOPS_UPDATE_SCHEMA=1 dotnet test --filter ScanSchema)
        Assert.True(File.Exists(path), "schemas/scan.schema.json is missing");
        Assert.Equal(generated, File.ReadAllText(path));
    }
}
