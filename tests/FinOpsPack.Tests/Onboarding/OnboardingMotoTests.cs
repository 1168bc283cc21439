using System.Diagnostics;
using System.Text.Json;
using FinOpsPack.Cli;
using FinOpsPack.Core.Onboarding;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Onboarding;

/// <summary>
/// The printed onboard and offboard commands, run as printed with the AWS CLI against moto (an independent AWS emulator
/// with CloudFormation and IAM): the stack deploys, the role carries the trust condition, boundary and exact policy,
/// and the removal commands delete it.
/// </summary>
public sealed class OnboardingMotoTests(MotoServer moto) : IClassFixture<MotoServer>
{
    private const string ExternalId = "Zx9+=,.@:/-abcdefghijklmnopqrstuvwxyz0123";

    [MotoAwsCliFact]
    public async Task Should_Create_The_Role_With_Boundary_And_Exact_Policy_Then_Remove_It_When_The_Printed_Commands_Run()
    {
        Assert.True(moto.Available, moto.Reason);
        var work = Directory.CreateTempSubdirectory("finops-pack-onboard-").FullName;
        try
        {
            // Given the commands onboard prints, with the template saved where they say
            var onboard = await PrintAsync("onboard", "--external-id", ExternalId, "--trusted-principal", "111122223333", "--stack-name", "review-a", "--role-name", "review-a-role");
            File.WriteAllText(Path.Combine(work, "finops-pack-readonly.yaml"), CloudFormationTemplate.Current);
            var deploy = Assert.Single(onboard.Split('\n'), l => l.StartsWith("aws cloudformation deploy ", StringComparison.Ordinal));

            // When the customer runs the deploy command in bash, the External ID in the variable the commands read
            var (code, output) = Bash(work, deploy);
            Assert.True(code == 0, output);

            // Then the role trusts only the principal with the External ID, has the boundary and exactly the read policy
            var role = Json(Aws(work, ["aws", "iam", "get-role", "--role-name", "review-a-role"])).GetProperty("Role");
            var trust = Assert.Single(role.GetProperty("AssumeRolePolicyDocument").GetProperty("Statement").EnumerateArray());
            Assert.Equal("111122223333", trust.GetProperty("Principal").GetProperty("AWS").GetString());
            Assert.Equal(ExternalId, trust.GetProperty("Condition").GetProperty("StringEquals").GetProperty("sts:ExternalId").GetString());
            var boundaryArn = role.GetProperty("PermissionsBoundary").GetProperty("PermissionsBoundaryArn").GetString()!;
            Assert.EndsWith(":policy/review-a-role-boundary", boundaryArn, StringComparison.Ordinal);

            var read = Json(Aws(work, ["aws", "iam", "get-role-policy", "--role-name", "review-a-role", "--policy-name", CloudFormationTemplate.ReadPolicyName]));
            Assert.Equal(ReadOnlyPolicy.Current.AllowedPatterns, ActionsOf(Document(read.GetProperty("PolicyDocument")), 0));
            var version = Json(Aws(work, ["aws", "iam", "get-policy", "--policy-arn", boundaryArn])).GetProperty("Policy").GetProperty("DefaultVersionId").GetString()!;
            var boundary = Json(Aws(work, ["aws", "iam", "get-policy-version", "--policy-arn", boundaryArn, "--version-id", version]))
                .GetProperty("PolicyVersion").GetProperty("Document");
            Assert.Equal(PermissionsBoundary.Current.ToJson(), Normalize(boundary));

            // When the offboard commands run, then the stack and its role are gone
            foreach (var command in (await PrintAsync("offboard", "--stack-name", "review-a")).Split('\n').Where(l => l.StartsWith("aws ", StringComparison.Ordinal)))
            {
                var (removed, text) = Bash(work, command);
                Assert.True(removed == 0, text);
            }

            var (gone, error) = Aws(work, ["aws", "iam", "get-role", "--role-name", "review-a-role"]);
            Assert.NotEqual(0, gone);
            Assert.Contains("NoSuchEntity", error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<string> PrintAsync(params string[] args)
    {
        var io = ConsoleStreams.ForTest();
        Assert.Equal(0, await Program.RunAsync(args, io, CancellationToken.None));
        return io.Out.ToString()!;
    }

    /// <summary>Runs one printed command line as the customer would, in bash, pointed at moto.</summary>
    private (int Code, string Output) Bash(string workDirectory, string line) =>
        Run(workDirectory, "bash", ["-c", line + " --endpoint-url " + moto.Endpoint.ToString().TrimEnd('/')]);

    private (int Code, string Output) Aws(string workDirectory, IReadOnlyList<string> words) =>
        Run(workDirectory, "aws", [.. words.Skip(1), "--endpoint-url", moto.Endpoint.ToString().TrimEnd('/'), "--output", "json"]);

    private static (int Code, string Output) Run(string workDirectory, string file, IReadOnlyList<string> args)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = workDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var w in args)
        {
            psi.ArgumentList.Add(w);
        }

        psi.Environment["FINOPS_PACK_EXTERNAL_ID"] = ExternalId;

        psi.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        psi.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        psi.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        psi.Environment.Remove("AWS_PROFILE");
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(180_000))
        {
            p.Kill(true);
            throw new TimeoutException(string.Join(' ', args));
        }

        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private static JsonElement Json((int Code, string Output) result)
    {
        Assert.True(result.Code == 0, result.Output);
        return JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    /// <summary>A policy document as IAM returns it; moto 5.2 hands back a stack's inline role policy as a Python repr string.</summary>
    private static JsonElement Document(JsonElement value) =>
        value.ValueKind == JsonValueKind.String
            ? JsonDocument.Parse(value.GetString()!.Replace('\'', '"')).RootElement.Clone()
            : value;

    private static IReadOnlyList<string> ActionsOf(JsonElement document, int statement) =>
        [.. document.GetProperty("Statement")[statement].GetProperty("Action").EnumerateArray().Select(a => a.GetString()!)];

    private static string Normalize(JsonElement document) =>
        new PolicyDocument([.. document.GetProperty("Statement").EnumerateArray().Select(s => new PolicyStatement(
            s.GetProperty("Sid").GetString()!,
            Enum.Parse<PolicyEffect>(s.GetProperty("Effect").GetString()!),
            s.TryGetProperty("Action", out var a) ? [.. a.EnumerateArray().Select(x => x.GetString()!)] : null,
            s.TryGetProperty("NotAction", out var n) ? [.. n.EnumerateArray().Select(x => x.GetString()!)] : null))]).ToJson();
}

/// <summary>A fact that needs moto and the AWS CLI; skipped visibly without either.</summary>
public sealed class MotoAwsCliFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> MissingCli = new(() =>
    {
        try
        {
            return CfnTools.Run("aws", "--version").ExitCode == 0 ? null : "the AWS CLI does not run (aws --version failed)";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "the AWS CLI is not installed";
        }
    });

    public MotoAwsCliFactAttribute()
    {
        Skip = new MotoFactAttribute().Skip ?? MissingCli.Value;
    }
}
