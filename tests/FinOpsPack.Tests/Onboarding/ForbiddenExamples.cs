using FinOpsPack.Core.Onboarding;

namespace FinOpsPack.Tests.Onboarding;

/// <summary>Concrete actions the role must never be able to call, as the tests feed them to IAM-style evaluation.</summary>
internal static class ForbiddenExamples
{
    /// <summary>The data-plane list with its wildcards spelled out as the real actions they stand for.</summary>
    public static IReadOnlyList<string> DataPlaneActions { get; } =
    [
        .. ForbiddenActions.DataPlaneReads.Where(a => !IamActionPattern.HasWildcard(a)),
        "s3:GetObject", "s3:GetObjectVersion", "s3:GetObjectAttributes", "s3:GetObjectTorrent",
        "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath", "ssm:GetParameterHistory",
    ];

    /// <summary>Services whose write verbs are tried: the ones the scanner reads, and the ones an attacker would want.</summary>
    public static IReadOnlyList<string> Services { get; } =
    [
        "ec2", "rds", "s3", "iam", "sts", "lambda", "ecs", "ce", "cost-optimization-hub", "organizations", "cloudwatch",
        "kms", "secretsmanager", "ssm", "dynamodb", "logs", "cloudformation", "sqs", "sns", "kinesis", "ecr", "bedrock",
    ];

    /// <summary>Every write verb of <see cref="ForbiddenActions.WriteVerbs"/> on every service above, as a real-looking action.</summary>
    public static IEnumerable<string> WriteActions =>
        from service in Services
        from verb in ForbiddenActions.WriteVerbs
        select $"{service}:{verb}Resource";

    /// <summary>Well-known dangerous actions, named in full.</summary>
    public static IReadOnlyList<string> Dangerous { get; } =
    [
        "ec2:TerminateInstances", "ec2:RunInstances", "ec2:ModifyInstanceAttribute", "ec2:CreateSnapshot", "ec2:DeleteVolume",
        "iam:CreateUser", "iam:AttachRolePolicy", "iam:PutRolePolicy", "iam:DeleteRolePermissionsBoundary",
        "iam:PutRolePermissionsBoundary", "iam:PassRole", "iam:CreateAccessKey", "sts:AssumeRole",
        "s3:PutObject", "s3:DeleteBucket", "s3:PutBucketPolicy", "lambda:InvokeFunction", "lambda:UpdateFunctionCode",
        "ce:UpdateCostAllocationTagsStatus", "cost-optimization-hub:UpdateEnrollmentStatus", "cost-optimization-hub:UpdatePreferences",
        "organizations:LeaveOrganization", "rds:DeleteDBInstance", "ecs:UpdateService", "kms:Decrypt",
        "secretsmanager:GetSecretValue", "bedrock:InvokeModel",
    ];
}
