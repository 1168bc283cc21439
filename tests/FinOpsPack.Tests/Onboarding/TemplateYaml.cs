using YamlDotNet.RepresentationModel;

namespace FinOpsPack.Tests.Onboarding;

/// <summary>A CloudFormation YAML template parsed with its short-form intrinsic tags kept on the nodes.</summary>
internal sealed class TemplateYaml
{
    public TemplateYaml(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        Root = (YamlMappingNode)Assert.Single(stream.Documents).RootNode;
    }

    public YamlMappingNode Root { get; }

    public YamlMappingNode Parameters => Map(Root, "Parameters");

    public YamlMappingNode Resources => Map(Root, "Resources");

    public YamlMappingNode Outputs => Map(Root, "Outputs");

    public IEnumerable<(string Name, YamlMappingNode Resource)> ResourcesOfType(string type) =>
        Resources.Children.Where(kv => Text(Map(Resources, ((YamlScalarNode)kv.Key).Value!), "Type") == type)
            .Select(kv => (((YamlScalarNode)kv.Key).Value!, (YamlMappingNode)kv.Value));

    public static YamlNode Get(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : throw new Xunit.Sdk.XunitException($"missing key {key}");

    public static YamlMappingNode Map(YamlMappingNode map, string key) => Assert.IsType<YamlMappingNode>(Get(map, key));

    public static YamlSequenceNode Seq(YamlMappingNode map, string key) => Assert.IsType<YamlSequenceNode>(Get(map, key));

    public static string? Text(YamlMappingNode map, string key) => ((YamlScalarNode)Get(map, key)).Value;

    public static bool Has(YamlMappingNode map, string key) => map.Children.ContainsKey(new YamlScalarNode(key));

    /// <summary>Asserts the node is a short-form intrinsic function, e.g. <c>!Ref ExternalId</c>, and returns its argument.</summary>
    public static string Intrinsic(YamlNode node, string tag)
    {
        var scalar = Assert.IsType<YamlScalarNode>(node);
        Assert.Equal(tag, scalar.Tag.Value);
        return scalar.Value!;
    }

    /// <summary>Every node of the document, depth first.</summary>
    public IEnumerable<YamlNode> AllNodes => Root.AllNodes;
}
