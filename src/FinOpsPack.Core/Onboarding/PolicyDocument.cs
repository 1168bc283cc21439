using System.Text;
using System.Text.Json;

namespace FinOpsPack.Core.Onboarding;

public enum PolicyEffect
{
    Allow,
    Deny,
}

public enum PolicyDecision
{
    Allowed,
    ExplicitlyDenied,
    ImplicitlyDenied,
}

/// <summary>One statement of an identity policy on <c>Resource: "*"</c>: either <see cref="Action"/> or <see cref="NotAction"/>.</summary>
public sealed record PolicyStatement(string Sid, PolicyEffect Effect, IReadOnlyList<string>? Action, IReadOnlyList<string>? NotAction = null)
{
    public string Resource => "*";

    /// <summary>Does this statement apply to the action (IAM wildcard matching, NotAction inverted)?</summary>
    public bool AppliesTo(string action) =>
        Action is not null
            ? Action.Any(p => IamActionPattern.Matches(p, action))
            : NotAction is not null && !NotAction.Any(p => IamActionPattern.Matches(p, action));

    /// <summary>The patterns the statement names, whichever element holds them.</summary>
    public IReadOnlyList<string> Patterns => Action ?? NotAction ?? [];
}

/// <summary>An IAM policy document as FinOps Pack generates them: version 2012-10-17, statements on every resource.</summary>
public sealed record PolicyDocument(IReadOnlyList<PolicyStatement> Statement)
{
    public const string Version = "2012-10-17";

    /// <summary>IAM's evaluation for one action within this policy alone: an explicit Deny wins, then an Allow, else implicit deny.</summary>
    public PolicyDecision Evaluate(string action)
    {
        if (Statement.Any(s => s.Effect == PolicyEffect.Deny && s.AppliesTo(action)))
        {
            return PolicyDecision.ExplicitlyDenied;
        }

        return Statement.Any(s => s.Effect == PolicyEffect.Allow && s.AppliesTo(action))
            ? PolicyDecision.Allowed
            : PolicyDecision.ImplicitlyDenied;
    }

    /// <summary>The actions (or patterns) the Allow statements name.</summary>
    public IReadOnlyList<string> AllowedPatterns =>
        [.. Statement.Where(s => s.Effect == PolicyEffect.Allow).SelectMany(s => s.Action ?? [])];

    /// <summary>Characters IAM counts against its size quotas (whitespace outside strings is not counted).</summary>
    public int IamSize => ToJson(indented: false).Length;

    public string ToJson(bool indented = true)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = indented }))
        {
            w.WriteStartObject();
            w.WriteString("Version", Version);
            w.WriteStartArray("Statement");
            foreach (var s in Statement)
            {
                w.WriteStartObject();
                w.WriteString("Sid", s.Sid);
                w.WriteString("Effect", s.Effect.ToString());
                w.WriteStartArray(s.Action is not null ? "Action" : "NotAction");
                foreach (var a in s.Patterns)
                {
                    w.WriteStringValue(a);
                }

                w.WriteEndArray();
                w.WriteString("Resource", s.Resource);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + (indented ? "\n" : "");
    }
}
