using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace FinOpsPack.Core.Onboarding;

/// <summary>
/// Small builders for CloudFormation YAML: mappings in the order given, scalars quoted where YAML would otherwise read
/// them as numbers, booleans or dates, and the short-form intrinsic functions as local tags (<c>!Ref</c>, <c>!Sub</c>,
/// <c>!GetAtt</c>…), which YamlDotNet writes verbatim.
/// </summary>
internal static partial class CfnYaml
{
    public static YamlMappingNode Map(params (string Key, YamlNode Value)[] entries)
    {
        var map = new YamlMappingNode();
        foreach (var (key, value) in entries)
        {
            map.Add(new YamlScalarNode(key), value);
        }

        return map;
    }

    public static YamlSequenceNode Seq(IEnumerable<YamlNode> items) => new(items);

    public static YamlSequenceNode Seq(params YamlNode[] items) => new(items);

    public static YamlScalarNode Str(string value) =>
        new(value) { Style = NeedsQuotes().IsMatch(value) ? ScalarStyle.SingleQuoted : ScalarStyle.Any };

    public static YamlScalarNode Num(long value) =>
        new(value.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain };

    public static YamlScalarNode Bool(bool value) => new(value ? "true" : "false") { Style = ScalarStyle.Plain };

    /// <summary>A long text written as a folded block (<c>&gt;-</c>): readable in the console's template view.</summary>
    public static YamlScalarNode Folded(string value) => new(value) { Style = ScalarStyle.Folded };

    public static YamlScalarNode Ref(string logicalName) => Tagged("!Ref", logicalName);

    public static YamlScalarNode Sub(string template) => Tagged("!Sub", template);

    public static YamlScalarNode GetAtt(string logicalNameDotAttribute) => Tagged("!GetAtt", logicalNameDotAttribute);

    public static YamlScalarNode Tagged(string tag, string value) =>
        new(value) { Tag = tag, Style = NeedsQuotes().IsMatch(value) ? ScalarStyle.SingleQuoted : ScalarStyle.Plain };

    public static string Write(YamlNode root)
    {
        using var text = new StringWriter { NewLine = "\n" };
        new YamlStream(new YamlDocument(root)).Save(new Emitter(text, new EmitterSettings(2, 120, false, 1024, true)), assignAnchors: false);
        var yaml = text.ToString();

        // YamlStream closes every document with an explicit end marker; a single-document template reads better without it.
        return yaml.EndsWith("...\n", StringComparison.Ordinal) ? yaml[..^4] : yaml;
    }

    // Plain scalars YAML 1.1 resolvers turn into something other than a string: numbers, booleans, null, dates.
    [GeneratedRegex(@"^([-+.]?[0-9]|(?i:y|n|yes|no|true|false|on|off|null|~)$)|^$", RegexOptions.CultureInvariant)]
    private static partial Regex NeedsQuotes();
}
