using System.Text;
using HandlebarsDotNet;

namespace FinOpsPack.Core.Report;

/// <summary>
/// Renders <see cref="ReportModel"/> through the Handlebars templates into one self-contained HTML page, streamed to a
/// <see cref="TextWriter"/>. Every model value goes through Handlebars' HTML escaping; the only raw output comes from
/// helpers that write the template set's own stylesheet and script, the policy computed over them, and the findings as
/// script-safe JSON (<see cref="ScriptJson"/>).
/// </summary>
public sealed class HtmlReportRenderer
{
    private readonly HandlebarsTemplate<TextWriter, object, object> _page;

    public HtmlReportRenderer(ReportTemplates templates)
    {
        Templates = templates;
        Policy = ContentSecurityPolicy.For(templates.Css, templates.Js);
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = true });
        foreach (var (name, text) in templates.Partials)
        {
            handlebars.RegisterTemplate(name, text);
        }

        handlebars.RegisterHelper("csp", (EncodedTextWriter output, Context _, Arguments _) => output.Write(Policy, false));
        handlebars.RegisterHelper("inline-style", (EncodedTextWriter output, Context _, Arguments _) => output.Write(templates.Css, false));
        handlebars.RegisterHelper("inline-script", (EncodedTextWriter output, Context _, Arguments _) => output.Write(templates.Js, false));
        handlebars.RegisterHelper("findings-json", (EncodedTextWriter output, Context _, Arguments arguments) =>
            WriteRows(output, arguments.Length == 1 && arguments[0] is IReadOnlyList<FindingRow> rows
                ? rows
                : throw new HandlebarsRuntimeException("findings-json takes the list of finding rows")));
        _page = handlebars.Compile(new StringReader(templates.Main));
    }

    public ReportTemplates Templates { get; }

    /// <summary>The Content-Security-Policy written into the page's meta element.</summary>
    public string Policy { get; }

    public void Render(ReportModel model, TextWriter output) => _page(output, model);

    public string RenderToString(ReportModel model)
    {
        using var writer = new StringWriter();
        Render(model, writer);
        return writer.ToString();
    }

    /// <summary>Rows as arrays in table column order, then the sortable amount, category and title.</summary>
    private static void WriteRows(EncodedTextWriter output, IReadOnlyList<FindingRow> rows)
    {
        var sb = new StringBuilder(512);
        output.Write("[", false);
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            sb.Clear();
            sb.Append(i == 0 ? "\n[" : ",\n[");
            foreach (var cell in (ReadOnlySpan<string>)[r.Service, r.Resource, r.Region, r.Account, r.Action, r.Savings, r.Source, r.Effort, r.Restart, r.Rollback])
            {
                ScriptJson.AppendString(sb, cell);
                sb.Append(',');
            }

            ScriptJson.AppendNumber(sb, r.SavingsValue);
            sb.Append(',');
            ScriptJson.AppendString(sb, r.Category);
            sb.Append(',');
            ScriptJson.AppendString(sb, r.Title);
            sb.Append(']');
            output.Write(sb, false);
        }

        output.Write("]", false);
    }
}
