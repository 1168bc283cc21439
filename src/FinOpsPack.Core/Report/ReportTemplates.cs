using System.Text.RegularExpressions;

namespace FinOpsPack.Core.Report;

/// <summary>
/// The report's template set: <c>report.hbs</c> (the page), <c>_name.hbs</c> partials (used as <c>{{> name}}</c>),
/// <c>report.css</c> and <c>report.js</c>. Embedded in the assembly so an installed tool works anywhere; a directory
/// (a consultant's branded copy) overrides file by file and falls back to the embedded file for anything it lacks.
/// </summary>
public sealed partial class ReportTemplates
{
    public const string MainFile = "report.hbs";
    public const string StyleFile = "report.css";
    public const string ScriptFile = "report.js";

    private const string ResourcePrefix = "templates/report/";

    private ReportTemplates(string main, IReadOnlyDictionary<string, string> partials, string css, string js)
    {
        Main = main;
        Partials = partials;
        Css = css;
        Js = js;
    }

    public string Main { get; }

    /// <summary>Partial name (file name without the leading underscore and extension) → template text.</summary>
    public IReadOnlyDictionary<string, string> Partials { get; }

    public string Css { get; }

    public string Js { get; }

    public static ReportTemplates Embedded() => Load(null);

    /// <param name="directory">A customised copy; null for the embedded templates.</param>
    public static ReportTemplates Load(string? directory)
    {
        var files = EmbeddedFiles();
        if (directory is not null)
        {
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException("templates directory not found: " + directory);
            }

            var nested = Path.Combine(directory, "report");
            var root = !File.Exists(Path.Combine(directory, MainFile)) && Directory.Exists(nested) ? nested : directory;
            foreach (var path in Directory.EnumerateFiles(root).Where(IsTemplateFile))
            {
                files[Path.GetFileName(path)] = Prepare(path, File.ReadAllText(path));
            }
        }

        var partials = files.Where(f => f.Key.StartsWith('_') && f.Key.EndsWith(".hbs", StringComparison.Ordinal))
            .ToDictionary(f => f.Key[1..^4], f => f.Value, StringComparer.Ordinal);
        return new ReportTemplates(
            Required(files, MainFile), partials, Asset(files, StyleFile, "</style"), Asset(files, ScriptFile, "</script"));
    }

    private static Dictionary<string, string> EmbeddedFiles()
    {
        var assembly = typeof(ReportTemplates).Assembly;
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var file = name[ResourcePrefix.Length..];
            if (file.Contains('/', StringComparison.Ordinal) || !IsTemplateFile(file))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files[file] = Prepare(file, reader.ReadToEnd());
        }

        return files;
    }

    private static bool IsTemplateFile(string path) =>
        Path.GetExtension(path) is ".hbs" or ".css" or ".js";

    private static string Required(Dictionary<string, string> files, string name) =>
        files.TryGetValue(name, out var text) ? text : throw new InvalidOperationException("report template missing: " + name);

    /// <summary>Inline assets are allowed by hash; a closing tag inside one would end the element early and break that.</summary>
    private static string Asset(Dictionary<string, string> files, string name, string closingTag)
    {
        var text = Required(files, name);
        return text.Contains(closingTag, StringComparison.OrdinalIgnoreCase)
            ? throw new InvalidOperationException(name + " must not contain " + closingTag + ">")
            : text;
    }

    /// <summary>
    /// One line-ending style, so the hash of an inline asset is the same whichever way the file was checked out; and no
    /// indentation before a partial call: Handlebars.Net 2.4.3 re-indents a standalone indented partial through a path
    /// that writes its output without HTML escaping, so <c>  {{> name}}</c> would print account data raw.
    /// </summary>
    private static string Prepare(string file, string text)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimStart('\uFEFF');
        return file.EndsWith(".hbs", StringComparison.Ordinal) ? IndentedPartial().Replace(text, "") : text;
    }

    [GeneratedRegex(@"^[ \t]+(?=\{\{~?\s*>)", RegexOptions.Multiline)]
    private static partial Regex IndentedPartial();
}
