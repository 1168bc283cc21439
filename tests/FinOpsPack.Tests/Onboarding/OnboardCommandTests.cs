using System.Web;
using FinOpsPack.Cli;
using FinOpsPack.Cli.Commands.Offboard;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Tests.Onboarding;

public sealed class OnboardCommandTests
{
    private const string ExternalId = "Zx9+=,.@:/-abcdefghijklmnopqrstuvwxyz0123";

    [Fact]
    public async Task Should_Print_The_Deploy_Command_With_Every_Parameter_When_Given_The_Required_Flags()
    {
        var (code, output, _) = await RunAsync("onboard", "--external-id", ExternalId, "--trusted-principal", "111122223333");

        Assert.Equal(ExitCodes.Ok, code);
        var deploy = Assert.Single(ShellWords.Commands(output), c => c.Take(3).SequenceEqual(["aws", "cloudformation", "deploy"]));
        Assert.Equal("finops-pack-readonly.yaml", After(deploy, "--template-file"));
        Assert.Equal("finops-pack-readonly", After(deploy, "--stack-name"));
        Assert.Equal("CAPABILITY_NAMED_IAM", After(deploy, "--capabilities"));
        var overrides = deploy.SkipWhile(w => w != "--parameter-overrides").Skip(1).ToList();
        Assert.Equal(["TrustedPrincipal=111122223333", "RoleName=finops-pack-readonly", "ExternalId=$FINOPS_PACK_EXTERNAL_ID"], overrides);
        Assert.Contains(ShellWords.Commands(output), c => c.SequenceEqual(["finops-pack", "policy", "--format", "cloudformation"]));
        Assert.DoesNotContain(ExternalId, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Let_The_Customer_Check_The_External_Id_By_Its_Fingerprint_When_The_Printed_Check_Runs()
    {
        // Given the printed fingerprint check, when bash runs it with the External ID in the variable the commands read
        var (_, output, _) = await RunAsync("onboard", "--external-id", ExternalId, "--trusted-principal", "111122223333");
        var check = Assert.Single(output.Split('\n'), l => l.StartsWith("printf ", StringComparison.Ordinal));
        var psi = new System.Diagnostics.ProcessStartInfo("bash", ["-c", check]) { RedirectStandardOutput = true, UseShellExecute = false };
        psi.Environment["FINOPS_PACK_EXTERNAL_ID"] = ExternalId;
        using var bash = System.Diagnostics.Process.Start(psi)!;
        var printed = (await bash.StandardOutput.ReadToEndAsync()).Trim();
        await bash.WaitForExitAsync();

        // Then it prints the fingerprint that FinOps Pack shows everywhere instead of the ID
        Assert.Equal(FinOpsPack.Core.Aws.ExternalId.Parse(ExternalId).Fingerprint, printed);
        Assert.Contains("fingerprint is " + printed, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Print_A_Quick_Create_Link_With_The_Parameters_When_Given_The_Template_Url()
    {
        const string templateUrl = "https://example-bucket.s3.amazonaws.com/finops-pack-readonly.yaml";
        var (code, output, _) = await RunAsync("onboard", "--external-id", ExternalId, "--trusted-principal",
            "arn:aws:iam::111122223333:role/scanner", "--role-name", "cost-review", "--stack-name", "cost-review", "--region", "eu-west-1",
            "--template-url", templateUrl);

        Assert.Equal(ExitCodes.Ok, code);
        var link = new Uri(Assert.Single(output.Split('\n'), l => l.StartsWith("https://", StringComparison.Ordinal)));
        Assert.Equal("eu-west-1.console.aws.amazon.com", link.Host);
        Assert.StartsWith("#/stacks/quickcreate?", link.Fragment, StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(link.Fragment[(link.Fragment.IndexOf('?', StringComparison.Ordinal) + 1)..]);
        Assert.Equal(templateUrl, query["templateURL"]);
        Assert.Equal("cost-review", query["stackName"]);
        Assert.Null(query["param_ExternalId"]);
        Assert.DoesNotContain(ExternalId, output, StringComparison.Ordinal);
        Assert.Equal("arn:aws:iam::111122223333:role/scanner", query["param_TrustedPrincipal"]);
        Assert.Equal("cost-review", query["param_RoleName"]);
    }

    [Theory]
    [InlineData("--trusted-principal", "11112222333", "trusted-principal")]
    [InlineData("--trusted-principal", "arn:aws-cn:iam::111122223333:role/x", "trusted-principal")]
    [InlineData("--role-name", "has space", "role-name")]
    [InlineData("--stack-name", "1stack", "stack-name")]
    [InlineData("--region", "us-gov-west-1", "GovCloud")]
    [InlineData("--external-id", "bad id", "External ID")]
    public async Task Should_Exit_2_With_One_Line_When_A_Value_Is_Refused(string flag, string value, string reason)
    {
        var args = new Dictionary<string, string> { ["--external-id"] = ExternalId, ["--trusted-principal"] = "111122223333", [flag] = value };
        var (code, output, err) = await RunAsync(["onboard", .. args.SelectMany(kv => new[] { kv.Key, kv.Value })]);

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("", output);
        Assert.Single(err.Trim().Split('\n'));
        Assert.Contains(reason, err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Print_Delete_Then_Wait_When_Offboarding()
    {
        var (code, output, _) = await RunAsync("offboard");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(
            [
                ["aws", "cloudformation", "delete-stack", "--stack-name", "finops-pack-readonly"],
                ["aws", "cloudformation", "wait", "stack-delete-complete", "--stack-name", "finops-pack-readonly"],
            ],
            ShellWords.Commands(output));
        Assert.Contains("--region eu-west-1", OffboardCommand.Instructions("finops-pack-readonly", "eu-west-1"), StringComparison.Ordinal);
    }

    private static string After(IReadOnlyList<string> words, string flag) => words[words.ToList().IndexOf(flag) + 1];

    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var io = ConsoleStreams.ForTest();
        var code = await Program.RunAsync(args, io, CancellationToken.None);
        return (code, io.Out.ToString()!, io.Err.ToString()!);
    }
}
