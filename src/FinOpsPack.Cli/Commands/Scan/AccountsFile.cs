using System.Text.Json;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Fleet;

namespace FinOpsPack.Cli.Commands.Scan;

/// <summary>
/// <c>--accounts FILE</c>: the accounts of a fleet without an organization (or a chosen subset of one). CSV with a header
/// <c>account_id,role_arn,external_id_env,regions</c> (regions separated by spaces or semicolons) or a JSON array of
/// <c>{"accountId","roleArn","externalIdEnv","regions":[…]}</c>. An account's External ID is read from the environment
/// variable the file names, never from the file; empty columns fall back to the member role name and the scan's External ID.
/// </summary>
public static class AccountsFile
{
    private static readonly string[] Forbidden = ["external_id", "externalid"];

    public static IReadOnlyList<FleetAccount> Load(string path, string memberRoleName, ExternalId? fallback, Func<string, string?> environment)
    {
        if (!File.Exists(path))
        {
            throw new UserInputException($"--accounts file not found: {path}");
        }

        var text = File.ReadAllText(path);
        var rows = text.TrimStart().StartsWith('[') ? ReadJson(text, path) : ReadCsv(text, path);
        var accounts = rows.Select((r, i) => ToAccount(r, i + 1, path, memberRoleName, fallback, environment)).ToList();
        var duplicate = accounts.GroupBy(a => a.AccountId).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? accounts : throw new UserInputException($"{path}: account {duplicate.Key} is listed twice");
    }

    private sealed record Row(string? AccountId, string? RoleArn, string? ExternalIdEnv, IReadOnlyList<string> Regions);

    private static FleetAccount ToAccount(Row row, int line, string path, string memberRoleName, ExternalId? fallback, Func<string, string?> environment)
    {
        var id = row.AccountId?.Trim() ?? "";
        if (id.Length != 12 || !id.All(char.IsAsciiDigit))
        {
            throw new UserInputException($"{path}: entry {line}: account id '{id}' is not 12 digits");
        }

        var role = RoleArn.Parse(string.IsNullOrWhiteSpace(row.RoleArn) ? $"arn:aws:iam::{id}:role/{memberRoleName}" : row.RoleArn.Trim());
        if (role.AccountId != id)
        {
            throw new UserInputException($"{path}: entry {line}: role {role.Value} is not in account {id}");
        }

        ExternalId externalId;
        if (string.IsNullOrWhiteSpace(row.ExternalIdEnv))
        {
            externalId = fallback ?? throw new UserInputException($"{path}: entry {line}: no external_id_env and no --external-id for account {id}");
        }
        else
        {
            var value = environment(row.ExternalIdEnv.Trim())
                ?? throw new UserInputException($"{path}: entry {line}: environment variable {row.ExternalIdEnv.Trim()} (External ID of {id}) is not set");
            externalId = ExternalId.Parse(value);
        }

        return new FleetAccount(id, null, role, externalId, AwsRegions.ParseList(row.Regions.Count == 0 ? null : string.Join(',', row.Regions)));
    }

    private static List<Row> ReadCsv(string text, string path)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        if (lines.Count == 0)
        {
            return [];
        }

        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        RefuseSecrets(header, path);
        int Column(string name) => header.IndexOf(name);
        var (idCol, roleCol, envCol, regionsCol) = (Column("account_id"), Column("role_arn"), Column("external_id_env"), Column("regions"));
        if (idCol < 0)
        {
            throw new UserInputException($"{path}: the CSV header must name account_id (and optionally role_arn, external_id_env, regions)");
        }

        return [.. lines.Skip(1).Select(l =>
        {
            var cells = l.Split(',');
            string? Cell(int i) => i >= 0 && i < cells.Length ? cells[i].Trim() : null;
            return new Row(Cell(idCol), Cell(roleCol), Cell(envCol), Split(Cell(regionsCol)));
        })];
    }

    private static List<Row> ReadJson(string text, string path)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var rows = new List<Row>();
            foreach (var entry in document.RootElement.EnumerateArray())
            {
                RefuseSecrets(entry.EnumerateObject().Select(p => p.Name.ToLowerInvariant()), path);
                string? Text(string name) => entry.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
                var regions = entry.TryGetProperty("regions", out var r) && r.ValueKind == JsonValueKind.Array
                    ? r.EnumerateArray().Select(x => x.GetString() ?? "").ToList()
                    : Split(Text("regions"));
                rows.Add(new Row(Text("accountId"), Text("roleArn"), Text("externalIdEnv"), regions));
            }

            return rows;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new UserInputException($"{path}: not a JSON array of accounts ({e.Message.ReplaceLineEndings(" ")})");
        }
    }

    private static void RefuseSecrets(IEnumerable<string> names, string path)
    {
        if (names.Any(n => Forbidden.Contains(n)))
        {
            throw new UserInputException($"{path}: holds an External ID itself; name the environment variable that holds it instead (external_id_env / externalIdEnv)");
        }
    }

    private static List<string> Split(string? value) =>
        [.. (value ?? "").Split([' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
