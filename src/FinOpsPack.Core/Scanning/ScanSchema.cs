using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;

namespace FinOpsPack.Core.Scanning;

/// <summary>The JSON Schema of scan.json, derived from the very types it is written from (committed as schemas/scan.schema.json).</summary>
public static class ScanSchema
{
    public static string Generate()
    {
        var options = new JsonSerializerOptions(ScanJson.Options) { RespectNullableAnnotations = true };
        options.MakeReadOnly(populateMissingResolver: true);
        var schema = JsonSchemaExporter.GetJsonSchemaAsNode(options, typeof(ScanResult), new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
        });
        var document = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = "https://finops-pack.invalid/schemas/scan.schema.json",
            ["title"] = "FinOps Pack scan result, schema version " + ScanResult.CurrentSchemaVersion,
        };
        foreach (var (key, value) in schema.AsObject().ToList())
        {
            schema.AsObject().Remove(key);
            document[key] = value;
        }

        return document.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }
}
