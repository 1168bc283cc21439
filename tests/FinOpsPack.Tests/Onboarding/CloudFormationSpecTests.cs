using System.Globalization;
using System.Text.Json;
using FinOpsPack.Core.Onboarding;
using FinOpsPack.Tests.Testing;
using YamlDotNet.RepresentationModel;

namespace FinOpsPack.Tests.Onboarding;

/// <summary>The generated template against AWS's CloudFormation resource specification and the AWS CloudFormation Linter.</summary>
public sealed class CloudFormationSpecTests
{
    private static readonly HashSet<string> Sections =
        ["AWSTemplateFormatVersion", "Description", "Metadata", "Parameters", "Rules", "Mappings", "Conditions", "Transform", "Resources", "Outputs"];

    private static readonly HashSet<string> ParameterKeys =
        ["Type", "Default", "AllowedPattern", "AllowedValues", "ConstraintDescription", "Description", "MaxLength", "MaxValue", "MinLength", "MinValue", "NoEcho"];

    [CfnSpecFact]
    public void Should_Use_Only_Resource_Types_And_Properties_The_Specification_Defines_When_Generated()
    {
        using var spec = JsonDocument.Parse(File.ReadAllText(CfnTools.SpecificationPath));
        var template = new TemplateYaml(CloudFormationTemplate.Current);
        var problems = new List<string>();

        problems.AddRange(template.Root.Children.Keys.Select(Name).Where(k => !Sections.Contains(k)).Select(k => "unknown section " + k));
        foreach (var (name, parameter) in template.Parameters.Children.Select(kv => (Name(kv.Key), (YamlMappingNode)kv.Value)))
        {
            problems.AddRange(parameter.Children.Keys.Select(Name).Where(k => !ParameterKeys.Contains(k)).Select(k => $"parameter {name}: unknown key {k}"));
        }

        var types = spec.RootElement.GetProperty("ResourceTypes");
        foreach (var (name, resource) in template.Resources.Children.Select(kv => (Name(kv.Key), (YamlMappingNode)kv.Value)))
        {
            var type = TemplateYaml.Text(resource, "Type")!;
            if (!types.TryGetProperty(type, out var definition))
            {
                problems.Add($"{name}: unknown resource type {type}");
                continue;
            }

            CheckProperties($"{name} ({type})", type, definition, TemplateYaml.Map(resource, "Properties"), spec.RootElement, problems);
        }

        foreach (var node in template.AllNodes.OfType<YamlScalarNode>().Where(n => !n.Tag.IsEmpty && n.Tag.Value == "!GetAtt"))
        {
            var parts = node.Value!.Split('.', 2);
            var type = TemplateYaml.Text(TemplateYaml.Map(template.Resources, parts[0]), "Type")!;
            if (!types.GetProperty(type).TryGetProperty("Attributes", out var attributes) || !attributes.TryGetProperty(parts[1], out _))
            {
                problems.Add($"!GetAtt {node.Value}: {type} has no attribute {parts[1]}");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [CfnLintFact]
    public void Should_Pass_The_Aws_Cloudformation_Linter_When_Committed()
    {
        var path = Path.Combine(RepoPaths.Root, CloudFormationTemplate.RepositoryPath);
        var (code, output) = CfnTools.Run("cfn-lint", "--format", "parseable", path);
        Assert.True(code == 0, $"{CfnTools.CfnLint.Value.Version} exited {code}:\n{output}");
    }

    [CfnLintFact]
    public void Should_Catch_A_Misspelt_Property_When_The_Linter_Runs()
    {
        // Proves the linter step can fail: the same template with one property name broken must be rejected.
        var broken = Path.Combine(Path.GetTempPath(), $"finops-pack-broken-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(broken, CloudFormationTemplate.Current.Replace("PermissionsBoundary: !Ref", "PermissionBoundary: !Ref", StringComparison.Ordinal));
        try
        {
            var (code, output) = CfnTools.Run("cfn-lint", "--format", "parseable", broken);
            Assert.NotEqual(0, code);
            Assert.Contains("PermissionBoundary", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(broken);
        }
    }

    private static string Name(YamlNode key) => ((YamlScalarNode)key).Value!;

    private static void CheckProperties(string where, string owner, JsonElement definition, YamlMappingNode properties, JsonElement spec, List<string> problems)
    {
        var specProperties = definition.GetProperty("Properties");
        foreach (var (key, value) in properties.Children.Select(kv => (Name(kv.Key), kv.Value)))
        {
            if (!specProperties.TryGetProperty(key, out var property))
            {
                problems.Add($"{where}: unknown property {key}");
                continue;
            }

            CheckValue($"{where}.{key}", owner, property, value, spec, problems);
        }

        foreach (var required in specProperties.EnumerateObject().Where(p => p.Value.TryGetProperty("Required", out var r) && r.GetBoolean()))
        {
            if (!properties.Children.ContainsKey(new YamlScalarNode(required.Name)))
            {
                problems.Add($"{where}: missing required property {required.Name}");
            }
        }
    }

    private static void CheckValue(string where, string owner, JsonElement property, YamlNode value, JsonElement spec, List<string> problems)
    {
        if (!value.Tag.IsEmpty)
        {
            return; // an intrinsic function: its result type is CloudFormation's to check at deploy time
        }

        if (property.TryGetProperty("PrimitiveType", out var primitive))
        {
            CheckPrimitive(where, primitive.GetString()!, value, problems);
            return;
        }

        var type = property.GetProperty("Type").GetString()!;
        if (type == "List")
        {
            if (value is not YamlSequenceNode list)
            {
                problems.Add($"{where}: expected a list");
                return;
            }

            foreach (var item in list)
            {
                if (property.TryGetProperty("PrimitiveItemType", out var itemPrimitive))
                {
                    CheckPrimitive(where + "[]", itemPrimitive.GetString()!, item, problems);
                }
                else
                {
                    CheckPropertyType(where + "[]", owner, property.GetProperty("ItemType").GetString()!, item, spec, problems);
                }
            }

            return;
        }

        CheckPropertyType(where, owner, type, value, spec, problems);
    }

    private static void CheckPropertyType(string where, string owner, string typeName, YamlNode value, JsonElement spec, List<string> problems)
    {
        var propertyTypes = spec.GetProperty("PropertyTypes");
        if (!propertyTypes.TryGetProperty(owner.Split('.')[0] + "." + typeName, out var definition) && !propertyTypes.TryGetProperty(typeName, out definition))
        {
            problems.Add($"{where}: property type {typeName} not in the specification");
            return;
        }

        if (value is not YamlMappingNode map)
        {
            problems.Add($"{where}: expected a {typeName} mapping");
            return;
        }

        CheckProperties(where, owner, definition, map, spec, problems);
    }

    private static void CheckPrimitive(string where, string primitive, YamlNode value, List<string> problems)
    {
        if (primitive == "Json")
        {
            if (value is not YamlMappingNode)
            {
                problems.Add($"{where}: expected a JSON object");
            }

            return;
        }

        if (value is not YamlScalarNode { Value: { } text })
        {
            problems.Add($"{where}: expected a {primitive} scalar");
            return;
        }

        var ok = primitive switch
        {
            "Integer" or "Long" => long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            "Double" => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "Boolean" => text is "true" or "false",
            _ => true,
        };
        if (!ok)
        {
            problems.Add($"{where}: '{text}' is not a {primitive}");
        }
    }
}
