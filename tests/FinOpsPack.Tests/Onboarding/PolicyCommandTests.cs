using FinOpsPack.Cli;
using FinOpsPack.Core.Onboarding;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Tests.Onboarding;

public sealed class PolicyCommandTests
{
    [Fact]
    public async Task Should_Print_The_Exact_Read_Policy_As_Json_When_Run_Without_Flags()
    {
        var (code, output) = await RunAsync("policy");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(ReadOnlyPolicy.Current.ToJson(), output);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(ReadOnlyPolicy.Current.AllowedPatterns,
            json.RootElement.GetProperty("Statement")[0].GetProperty("Action").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Should_Print_The_Boundary_When_Asked()
    {
        var (code, output) = await RunAsync("policy", "--boundary");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(PermissionsBoundary.Current.ToJson(), output);
        Assert.Contains("\"NotAction\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Print_The_Same_Policy_In_Yaml_When_Asked()
    {
        var (code, output) = await RunAsync("policy", "--format", "yaml");
        Assert.Equal(ExitCodes.Ok, code);
        var yaml = new TemplateYaml(output);
        Assert.Equal("2012-10-17", TemplateYaml.Text(yaml.Root, "Version"));
        var statement = (YamlDotNet.RepresentationModel.YamlMappingNode)TemplateYaml.Seq(yaml.Root, "Statement")[0];
        Assert.Equal(ReadOnlyPolicy.Current.AllowedPatterns,
            TemplateYaml.Seq(statement, "Action").Cast<YamlDotNet.RepresentationModel.YamlScalarNode>().Select(a => a.Value));
    }

    [Fact]
    public async Task Should_Print_The_Committed_Template_When_Asked_For_Cloudformation()
    {
        var (code, output) = await RunAsync("policy", "--format", "cloudformation");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(CloudFormationTemplate.Current, output);
    }

    [Fact]
    public async Task Should_Exit_2_When_The_Format_Is_Unknown()
    {
        var (code, _) = await RunAsync("policy", "--format", "xml");
        Assert.Equal(ExitCodes.Usage, code);
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] args)
    {
        var io = ConsoleStreams.ForTest();
        var code = await Program.RunAsync(args, io, CancellationToken.None);
        return (code, io.Out.ToString()!);
    }
}
