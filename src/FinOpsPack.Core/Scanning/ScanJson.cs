using System.Text.Json;
using System.Text.Json.Serialization;

namespace FinOpsPack.Core.Scanning;

/// <summary>How scan.json is written and read: camelCase members, enums as strings, nulls kept (null means unknown).</summary>
public static class ScanJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task WriteAsync(ScanResult result, string path, CancellationToken ct)
    {
        await using var stream = File.Create(path);
        await JsonSerializer.SerializeAsync(stream, result, Options, ct).ConfigureAwait(false);
    }

    public static async Task<ScanResult> ReadAsync(string path, CancellationToken ct)
    {
        await using var stream = File.OpenRead(path);
        return await JsonSerializer.DeserializeAsync<ScanResult>(stream, Options, ct).ConfigureAwait(false)
            ?? throw new JsonException(path + " holds no scan result");
    }
}
