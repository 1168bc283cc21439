namespace FinOpsPack.Core.Onboarding;

/// <summary>
/// What FinOps Pack must never be able to do. The read policy is checked against these lists and the permissions
/// boundary denies them explicitly, so the role stays read-only even if someone attaches a broader policy later.
/// </summary>
public static class ForbiddenActions
{
    /// <summary>
    /// Reads that return application data or secrets rather than billing, inventory or optimization metadata. Several
    /// are Describe/Get-class by name (ec2:DescribeInstanceAttribute returns user data, ecs:DescribeTaskDefinition
    /// container environment), which is why the policy lists actions one by one and never uses <c>Describe*</c>.
    /// </summary>
    public static IReadOnlyList<string> DataPlaneReads { get; } =
    [
        "s3:GetObject*",
        "secretsmanager:GetSecretValue",
        "ssm:GetParameter*",
        "kms:Decrypt",
        "lambda:GetFunction",
        "lambda:GetFunctionConfiguration",
        "lambda:InvokeFunction",
        "dynamodb:GetItem",
        "dynamodb:Query",
        "dynamodb:Scan",
        "dynamodb:BatchGetItem",
        "logs:GetLogEvents",
        "logs:FilterLogEvents",
        "logs:StartQuery",
        "ec2:GetPasswordData",
        "ec2:GetConsoleOutput",
        "ec2:DescribeInstanceAttribute",
        "ecs:DescribeTaskDefinition",
        "cloudformation:GetTemplate",
        "rds:DownloadDBLogFilePortion",
        "athena:GetQueryResults",
        "sqs:ReceiveMessage",
        "kinesis:GetRecords",
        "ecr:BatchGetImage",
        "ecr:GetDownloadUrlForLayer",
        "codecommit:GetFile",
        "codecommit:GetBlob",
    ];

    /// <summary>
    /// Verbs that change something. IAM has no cross-service form for them (<c>*:Create*</c> is rejected as
    /// MalformedPolicyDocument), so the boundary denies them as "everything that is not one of the listed reads";
    /// the tests walk these verbs across services to prove it.
    /// </summary>
    public static IReadOnlyList<string> WriteVerbs { get; } =
    [
        "Create", "Delete", "Put", "Update", "Modify", "Attach", "Detach", "Start", "Stop", "Terminate", "Run",
        "Invoke", "Tag", "Untag", "Set", "Enable", "Disable", "Associate", "Disassociate", "Register", "Deregister",
        "Reboot", "Restore", "Copy", "Import", "Export", "Purchase", "Accept", "Reject", "Authorize", "Revoke",
        "Add", "Remove", "Replace", "Reset", "Cancel", "Send", "Publish", "Upload", "Pass", "Assume", "Decrypt",
    ];

    /// <summary>Verbs of the read actions the policy may grant (and nothing else).</summary>
    public static IReadOnlyList<string> ReadVerbs { get; } = ["Describe", "List", "Get"];

    /// <summary>Is this a Describe/List/Get action by name? (Necessary, not sufficient: see <see cref="DataPlaneReads"/>.)</summary>
    public static bool IsReadClass(string action)
    {
        var name = IamActionPattern.ActionName(action);
        return ReadVerbs.Any(v => name.StartsWith(v, StringComparison.Ordinal) && name.Length > v.Length && char.IsUpper(name[v.Length]));
    }

    /// <summary>The data-plane patterns this action or pattern could reach, wildcards included.</summary>
    public static IReadOnlyList<string> DataPlaneReadsReachedBy(string pattern) =>
        [.. DataPlaneReads.Where(d => IamActionPattern.Overlaps(pattern, d))];
}
