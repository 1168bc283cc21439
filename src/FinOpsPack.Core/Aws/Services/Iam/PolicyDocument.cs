using System.Text.Json;

namespace FinOpsPack.Core.Aws.Services.Iam;

/// <summary>One statement of an IAM policy, with <c>Action</c>/<c>Resource</c> normalised to lists (a string is a list of one).</summary>
/// <param name="Action">Null when the statement uses <c>NotAction</c>.</param>
/// <param name="Resource">Null when the statement uses <c>NotResource</c> (or names no resource, as trust policies do).</param>
public sealed record PolicyStatement(
    string? Sid,
    string Effect,
    IReadOnlyList<string>? Action,
    IReadOnlyList<string>? NotAction,
    IReadOnlyList<string>? Resource,
    IReadOnlyList<string>? NotResource,
    bool HasCondition)
{
    public bool IsAllow => Effect == "Allow";
    public bool IsDeny => Effect == "Deny";
}

/// <summary>A decoded IAM policy document: its JSON text and its statements.</summary>
public sealed record PolicyDocument(string Json, IReadOnlyList<PolicyStatement> Statements)
{
    /// <summary>
    /// GetAccountAuthorizationDetails returns every document URL-encoded (RFC 3986): decode, then parse the JSON.
    /// Text that already starts with <c>{</c> is taken as decoded JSON (an encoded document starts with <c>%7B</c>).
    /// </summary>
    /// <exception cref="FormatException">The text is not a policy document.</exception>
    public static PolicyDocument FromUrlEncoded(string text)
    {
        var trimmed = text.TrimStart();
        string json;
        try
        {
            json = trimmed.StartsWith('{') ? trimmed : Uri.UnescapeDataString(trimmed);
        }
        catch (UriFormatException e)
        {
            throw new FormatException("policy document is not URL-encoded: " + e.Message, e);
        }

        return Parse(json);
    }

    /// <exception cref="FormatException">The JSON is not a policy document.</exception>
    public static PolicyDocument Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("policy document is not a JSON object");
            }

            var statements = new List<PolicyStatement>();
            if (Property(doc.RootElement, "Statement") is { } statement)
            {
                if (statement.ValueKind == JsonValueKind.Array)
                {
                    statements.AddRange(statement.EnumerateArray().Select(ReadStatement));
                }
                else
                {
                    statements.Add(ReadStatement(statement));
                }
            }

            return new PolicyDocument(json, statements);
        }
        catch (JsonException e)
        {
            throw new FormatException("policy document is not JSON: " + e.Message, e);
        }
    }

    private static PolicyStatement ReadStatement(JsonElement s)
    {
        if (s.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("policy statement is not a JSON object");
        }

        var effect = Property(s, "Effect") is { ValueKind: JsonValueKind.String } e
            ? e.GetString()!
            : throw new FormatException("policy statement without Effect");
        return new PolicyStatement(
            Property(s, "Sid") is { ValueKind: JsonValueKind.String } sid ? sid.GetString() : null,
            effect,
            StringList(s, "Action"),
            StringList(s, "NotAction"),
            StringList(s, "Resource"),
            StringList(s, "NotResource"),
            Property(s, "Condition") is { ValueKind: JsonValueKind.Object } c && c.EnumerateObject().Any());
    }

    private static List<string>? StringList(JsonElement s, string name) => Property(s, name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => [v.GetString()!],
        { ValueKind: JsonValueKind.Array } a => [.. a.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String
            ? x.GetString()!
            : throw new FormatException($"{name} holds a non-string value"))],
        _ => throw new FormatException($"{name} is neither a string nor a list"),
    };

    private static JsonElement? Property(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v : null;
}
