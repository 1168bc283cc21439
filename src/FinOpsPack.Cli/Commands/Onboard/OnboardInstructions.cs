using System.Text;
using System.Text.RegularExpressions;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Onboarding;

namespace FinOpsPack.Cli.Commands.Onboard;

/// <summary>
/// The commands that give FinOps Pack its read-only role in a customer's account. Only text: FinOps Pack never deploys
/// anything; the customer runs these with their own administrator credentials. The External ID never appears in them
/// (they may travel by e-mail or ticket): the commands read it from a shell variable and show its fingerprint to check.
/// </summary>
public static partial class OnboardInstructions
{
    /// <summary>The shell variable the printed commands read the External ID from: the ID itself is never printed.</summary>
    public const string ExternalIdVariable = "FINOPS_PACK_EXTERNAL_ID";

    public static string Build(OnboardOptions options)
    {
        var externalId = ExternalId.Parse(options.ExternalId);
        Validate(options);

        var parameters = new List<(string Key, string Value)>
        {
            ("TrustedPrincipal", options.TrustedPrincipal),
            ("RoleName", options.RoleName),
        };
        if (options.MaxSessionDuration is { } duration)
        {
            parameters.Add(("MaxSessionDuration", duration.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var text = new StringBuilder();
        text.Append("# FinOps Pack read-only role: run these in the account to review, with credentials that may create IAM roles.\n\n");
        text.Append("# 0. The External ID of this review is not printed here: you receive it separately. Its fingerprint is ")
            .Append(externalId.Fingerprint).Append(".\n");
        text.Append("#    Paste it (input hidden), then check that the second command prints ").Append(externalId.Fingerprint).Append(":\n");
        text.Append("read -rs ").Append(ExternalIdVariable).Append('\n');
        text.Append("printf %s \"$").Append(ExternalIdVariable).Append("\" | sha256sum | cut -c1-8\n\n");
        text.Append("# 1. The template (exact read-only actions, permissions boundary, External ID condition):\n");
        text.Append("finops-pack policy --format cloudformation > ").Append(Shell(options.TemplateFile)).Append("\n\n");
        text.Append("# 2. Create the role:\n");
        text.Append("aws cloudformation deploy --template-file ").Append(Shell(options.TemplateFile))
            .Append(" --stack-name ").Append(Shell(options.StackName))
            .Append(" --capabilities CAPABILITY_NAMED_IAM --region ").Append(Shell(options.Region))
            .Append(" --parameter-overrides ").AppendJoin(' ', parameters.Select(p => Shell(p.Key + "=" + p.Value)))
            .Append(" \"ExternalId=$").Append(ExternalIdVariable).Append("\"\n\n");
        text.Append("# 3. The role ARN to give FinOps Pack (finops-pack scan --role-arn ...):\n");
        text.Append("aws cloudformation describe-stacks --stack-name ").Append(Shell(options.StackName)).Append(" --region ").Append(Shell(options.Region))
            .Append(" --query \"Stacks[0].Outputs[?OutputKey=='RoleArn'].OutputValue\" --output text\n\n");
        text.Append("# Or in the AWS console: a quick-create link (the template must be published in Amazon S3); type the External ID into its form.\n");
        if (options.TemplateUrl is { } url)
        {
            text.Append(QuickCreateLink(options, url, parameters)).Append('\n');
        }
        else
        {
            text.Append("#   upload the template (aws s3 cp ").Append(Shell(options.TemplateFile))
                .Append(" s3://<bucket>/) and run finops-pack onboard again with --template-url https://<bucket>.s3.amazonaws.com/")
                .Append(Path.GetFileName(options.TemplateFile)).Append('\n');
        }

        text.Append("\n# To remove the access later: finops-pack offboard --stack-name ").Append(Shell(options.StackName)).Append('\n');
        return text.ToString();
    }

    /// <summary>A CloudFormation console quick-create link with the stack name and parameters filled in.</summary>
    public static string QuickCreateLink(OnboardOptions options, string templateUrl, IEnumerable<(string Key, string Value)> parameters)
    {
        if (!Uri.TryCreate(templateUrl, UriKind.Absolute, out var uri) || uri.Scheme != "https")
        {
            throw new UserInputException($"--template-url '{templateUrl}' is not an https URL of the template in Amazon S3");
        }

        var query = new StringBuilder("templateURL=").Append(Uri.EscapeDataString(templateUrl))
            .Append("&stackName=").Append(Uri.EscapeDataString(options.StackName));
        foreach (var (key, value) in parameters)
        {
            query.Append("&param_").Append(key).Append('=').Append(Uri.EscapeDataString(value));
        }

        var region = Uri.EscapeDataString(options.Region);
        return $"https://{region}.console.aws.amazon.com/cloudformation/home?region={region}#/stacks/quickcreate?{query}";
    }

    private static void Validate(OnboardOptions options)
    {
        if (!Regex.IsMatch(options.TrustedPrincipal, CloudFormationTemplate.TrustedPrincipalPattern))
        {
            throw new UserInputException(
                $"--trusted-principal '{options.TrustedPrincipal}' must be the 12-digit AWS account id or the arn:aws:iam::<account>:role/<name> that runs FinOps Pack");
        }

        if (!Regex.IsMatch(options.RoleName, "^" + CloudFormationTemplate.RoleNamePattern + "$"))
        {
            throw new UserInputException($"--role-name '{options.RoleName}' must be 1–64 characters of letters, digits and + = , . @ - _");
        }

        if (!StackName().IsMatch(options.StackName))
        {
            throw new UserInputException($"--stack-name '{options.StackName}' must start with a letter and hold at most 128 letters, digits and hyphens");
        }

        SingleRegion(options.Region);
        if (options.MaxSessionDuration is < 3600 or > 43200)
        {
            throw new UserInputException("--max-session-duration must be between 3600 and 43200 seconds");
        }
    }

    /// <summary>Validates a <c>--region</c> value: one commercial region.</summary>
    public static string SingleRegion(string value) =>
        AwsRegions.ParseList(value) is [var region] ? region : throw new UserInputException($"--region '{value}' must be one region name, e.g. us-east-1");

    /// <summary>Quotes a word for POSIX shells only when it needs it.</summary>
    public static string Shell(string word) =>
        SafeWord().IsMatch(word) ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    [GeneratedRegex("^[A-Za-z][-A-Za-z0-9]{0,127}$")]
    private static partial Regex StackName();

    [GeneratedRegex("^[A-Za-z0-9_@%+=:,./-]+$")]
    private static partial Regex SafeWord();
}
