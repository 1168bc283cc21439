using System.Diagnostics;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.Onboarding;

/// <summary>
/// The CloudFormation tools the template tests use, installed by <c>.ci/install-cfn-tools.sh</c>: the resource
/// specification from npm <c>@aws-cdk/cfnspec</c>, and the AWS CloudFormation Linter (the Python <c>cfn-lint</c>).
/// </summary>
internal static class CfnTools
{
    public const string InstallHint = "run .ci/install-cfn-tools.sh";

    /// <summary><c>FINOPS_CFNSPEC</c> if set, else the copy the install script puts under .ci/cfn-tools.</summary>
    public static string SpecificationPath =>
        Environment.GetEnvironmentVariable("FINOPS_CFNSPEC") is { Length: > 0 } path
            ? path
            : Path.Combine(RepoPaths.Root, ".ci", "cfn-tools", "node_modules", "@aws-cdk", "cfnspec", "spec", "specification.json");

    public static readonly Lazy<(string? Version, string? Missing)> CfnLint = new(ProbeCfnLint);

    public static (int ExitCode, string Output) Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(300_000))
        {
            p.Kill(true);
            throw new TimeoutException(file + " did not finish");
        }

        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    private static (string?, string?) ProbeCfnLint()
    {
        try
        {
            var (code, output) = Run("cfn-lint", "--version");
            var text = output.Trim();

            // The npm package of the same name (martysweet/cfn-lint 1.9.7) prints a bare version and carries a 2019
            // resource specification that rejects current IAM properties (Role Description, Tags): not usable here.
            return code == 0 && text.StartsWith("cfn-lint ", StringComparison.Ordinal)
                ? (text, null)
                : (null, $"cfn-lint on PATH is not the AWS CloudFormation Linter ('{text}'); {InstallHint}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (null, $"cfn-lint (the AWS CloudFormation Linter) is not installed; {InstallHint}");
        }
    }
}

/// <summary>A fact that needs the CloudFormation resource specification; skipped visibly without it.</summary>
public sealed class CfnSpecFactAttribute : FactAttribute
{
    public CfnSpecFactAttribute()
    {
        if (!File.Exists(CfnTools.SpecificationPath))
        {
            Skip = $"CloudFormation resource specification not found at {CfnTools.SpecificationPath}; {CfnTools.InstallHint}";
        }
    }
}

/// <summary>A fact that needs the AWS CloudFormation Linter; skipped visibly without it.</summary>
public sealed class CfnLintFactAttribute : FactAttribute
{
    public CfnLintFactAttribute()
    {
        if (CfnTools.CfnLint.Value.Missing is { } reason)
        {
            Skip = reason;
        }
    }
}
