using System.Text.RegularExpressions;
using FinOpsPack.Core.Onboarding;
using FinOpsPack.Tests.Testing;
using YamlDotNet.RepresentationModel;

namespace FinOpsPack.Tests.Onboarding;

public sealed class CloudFormationTemplateTests
{
    private static readonly string CommittedPath = Path.Combine(RepoPaths.Root, CloudFormationTemplate.RepositoryPath);

    private static TemplateYaml Template => new(CloudFormationTemplate.Current);

    private static YamlMappingNode RoleProperties =>
        TemplateYaml.Map(Assert.Single(Template.ResourcesOfType("AWS::IAM::Role")).Resource, "Properties");

    [Fact]
    public void Should_Equal_The_Generator_Output_When_Committed()
    {
        // Set FINOPS_UPDATE_TEMPLATE=1 to rewrite the committed file from the generator (then review the diff).
        var generated = CloudFormationTemplate.Current;
        if (Environment.GetEnvironmentVariable("FINOPS_UPDATE_TEMPLATE") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CommittedPath)!);
            File.WriteAllText(CommittedPath, generated);
        }

        Assert.True(File.Exists(CommittedPath), $"{CloudFormationTemplate.RepositoryPath} is missing; create it with: {CloudFormationTemplate.RegenerateCommand}");
        var committed = File.ReadAllText(CommittedPath);
        Assert.True(committed == generated,
            $"{CloudFormationTemplate.RepositoryPath} differs from what the collectors' declared actions generate. Regenerate it with:\n" +
            $"  {CloudFormationTemplate.RegenerateCommand}\n(or FINOPS_UPDATE_TEMPLATE=1 dotnet test --filter {nameof(CloudFormationTemplateTests)}) and review the diff.");
    }

    [Fact]
    public void Should_Require_The_External_Id_When_The_Role_Is_Assumed()
    {
        var trust = TemplateYaml.Map(RoleProperties, "AssumeRolePolicyDocument");
        Assert.Equal("2012-10-17", TemplateYaml.Text(trust, "Version"));
        var statement = Assert.IsType<YamlMappingNode>(Assert.Single(TemplateYaml.Seq(trust, "Statement")));
        Assert.Equal("Allow", TemplateYaml.Text(statement, "Effect"));
        Assert.Equal("sts:AssumeRole", TemplateYaml.Text(statement, "Action"));
        Assert.Equal("TrustedPrincipal", TemplateYaml.Intrinsic(TemplateYaml.Get(TemplateYaml.Map(statement, "Principal"), "AWS"), "!Ref"));
        var condition = TemplateYaml.Map(statement, "Condition");
        var stringEquals = Assert.Single(condition.Children);
        Assert.Equal("StringEquals", ((YamlScalarNode)stringEquals.Key).Value);
        var externalId = Assert.Single(((YamlMappingNode)stringEquals.Value).Children);
        Assert.Equal("sts:ExternalId", ((YamlScalarNode)externalId.Key).Value);
        Assert.Equal("ExternalId", TemplateYaml.Intrinsic(externalId.Value, "!Ref"));
    }

    [Fact]
    public void Should_Attach_The_Boundary_When_The_Role_Is_Created()
    {
        var boundaryName = TemplateYaml.Intrinsic(TemplateYaml.Get(RoleProperties, "PermissionsBoundary"), "!Ref");
        var boundary = TemplateYaml.Map(Template.Resources, boundaryName);
        Assert.Equal("AWS::IAM::ManagedPolicy", TemplateYaml.Text(boundary, "Type"));
        var document = TemplateYaml.Map(TemplateYaml.Map(boundary, "Properties"), "PolicyDocument");
        Assert.Equal(PermissionsBoundary.Current.ToJson(), ReadPolicy(document).ToJson());
    }

    [Fact]
    public void Should_Grant_Exactly_The_Read_Policy_When_The_Role_Is_Created()
    {
        var policy = Assert.IsType<YamlMappingNode>(Assert.Single(TemplateYaml.Seq(RoleProperties, "Policies")));
        Assert.Equal(ReadOnlyPolicy.Current.ToJson(), ReadPolicy(TemplateYaml.Map(policy, "PolicyDocument")).ToJson());
        Assert.False(TemplateYaml.Has(RoleProperties, "ManagedPolicyArns"), "no managed policy (ReadOnlyAccess grants data reads)");
    }

    [Fact]
    public void Should_Take_The_Parameters_The_Customer_Fills_In_When_Deployed()
    {
        var p = Template.Parameters;
        var externalId = TemplateYaml.Map(p, "ExternalId");
        Assert.Equal("true", TemplateYaml.Text(externalId, "NoEcho"));
        Assert.Equal("2", TemplateYaml.Text(externalId, "MinLength"));
        Assert.Equal("1224", TemplateYaml.Text(externalId, "MaxLength"));
        Assert.Equal(@"[\w+=,.@:\/-]*", TemplateYaml.Text(externalId, "AllowedPattern"));
        Assert.Equal("finops-pack-readonly", TemplateYaml.Text(TemplateYaml.Map(p, "RoleName"), "Default"));
        var duration = TemplateYaml.Map(p, "MaxSessionDuration");
        Assert.Equal(("Number", "3600", "43200"), (TemplateYaml.Text(duration, "Type"), TemplateYaml.Text(duration, "MinValue"), TemplateYaml.Text(duration, "MaxValue")));
        Assert.Equal("MaxSessionDuration", TemplateYaml.Intrinsic(TemplateYaml.Get(RoleProperties, "MaxSessionDuration"), "!Ref"));
        Assert.Equal("RoleName", TemplateYaml.Intrinsic(TemplateYaml.Get(RoleProperties, "RoleName"), "!Ref"));
    }

    [Theory]
    [InlineData("123456789012", true)]
    [InlineData("arn:aws:iam::123456789012:role/finops-pack-scanner", true)]
    [InlineData("arn:aws:iam::123456789012:role/path/to/scanner", true)]
    [InlineData("12345678901", false)]
    [InlineData("arn:aws:iam::123456789012:user/alice", false)]
    [InlineData("arn:aws-us-gov:iam::123456789012:role/scanner", false)]
    [InlineData("arn:aws-cn:iam::123456789012:role/scanner", false)]
    [InlineData("*", false)]
    public void Should_Accept_Only_An_Account_Id_Or_Role_Arn_When_Trusting(string principal, bool accepted)
    {
        var pattern = TemplateYaml.Text(TemplateYaml.Map(Template.Parameters, "TrustedPrincipal"), "AllowedPattern")!;
        Assert.Equal(accepted, Regex.IsMatch(principal, pattern));
    }

    [Fact]
    public void Should_Output_The_Role_Arn_When_Deployed()
    {
        var role = Assert.Single(Template.ResourcesOfType("AWS::IAM::Role")).Name;
        Assert.Equal(role + ".Arn", TemplateYaml.Intrinsic(TemplateYaml.Get(TemplateYaml.Map(Template.Outputs, "RoleArn"), "Value"), "!GetAtt"));
    }

    [Fact]
    public void Should_Refer_Only_To_Declared_Names_When_Using_Intrinsic_Functions()
    {
        var template = Template;
        var declared = template.Parameters.Children.Keys.Concat(template.Resources.Children.Keys)
            .Select(k => ((YamlScalarNode)k).Value!).Concat(["AWS::Partition", "AWS::AccountId", "AWS::Region", "AWS::StackName"]).ToHashSet();
        var resources = template.Resources.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();
        var tagged = template.AllNodes.Where(n => !n.Tag.IsEmpty).ToList();
        Assert.NotEmpty(tagged);
        foreach (var node in tagged)
        {
            var scalar = Assert.IsType<YamlScalarNode>(node);
            switch (node.Tag.Value)
            {
                case "!Ref":
                    Assert.Contains(scalar.Value!, declared);
                    break;
                case "!GetAtt":
                    Assert.Contains(scalar.Value!.Split('.')[0], resources);
                    break;
                case "!Sub":
                    Assert.All(Regex.Matches(scalar.Value!, @"\$\{([^}!]+)\}"), m => Assert.Contains(m.Groups[1].Value, declared));
                    break;
                default:
                    Assert.Fail("unexpected tag " + node.Tag.Value);
                    break;
            }
        }
    }

    [Fact]
    public void Should_Keep_Policy_Versions_And_Numbers_As_Cloudformation_Reads_Them_When_Written()
    {
        var yaml = CloudFormationTemplate.Current;
        Assert.Contains("AWSTemplateFormatVersion: '2010-09-09'", yaml, StringComparison.Ordinal);
        Assert.Contains("Version: '2012-10-17'", yaml, StringComparison.Ordinal);
        Assert.Contains("Resource: '*'", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("...", yaml.TrimEnd()[^3..], StringComparison.Ordinal);
    }

    /// <summary>Reads a policy document back from the template into the model, so it can be compared with the generator's.</summary>
    private static PolicyDocument ReadPolicy(YamlMappingNode document)
    {
        Assert.Equal("2012-10-17", TemplateYaml.Text(document, "Version"));
        return new PolicyDocument([.. TemplateYaml.Seq(document, "Statement").Cast<YamlMappingNode>().Select(s =>
        {
            Assert.Equal("*", TemplateYaml.Text(s, "Resource"));
            var effect = Enum.Parse<PolicyEffect>(TemplateYaml.Text(s, "Effect")!);
            var list = (string key) => TemplateYaml.Seq(s, key).Cast<YamlScalarNode>().Select(a => a.Value!).ToList();
            return TemplateYaml.Has(s, "Action")
                ? new PolicyStatement(TemplateYaml.Text(s, "Sid")!, effect, list("Action"))
                : new PolicyStatement(TemplateYaml.Text(s, "Sid")!, effect, null, list("NotAction"));
        })]);
    }
}
