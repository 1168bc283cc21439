namespace FinOpsPack.Core.Inventory;

public enum PrincipalKind
{
    Role,
    User,
}

/// <summary>One IAM role or user and whether any of its policies allows a Bedrock action.</summary>
/// <param name="BedrockGrants">Where the Bedrock permission comes from, e.g. <c>inline:llm-access allows bedrock:InvokeModel</c>.</param>
public sealed record IamPrincipal(
    string AccountId, PrincipalKind Kind, string Name, string Arn, string Path, string? PermissionsBoundaryArn,
    bool BedrockCapable, IReadOnlyList<string> BedrockGrants);

/// <summary>The Bedrock governance KPI: share of Bedrock-capable identities that carry a permissions boundary.</summary>
public sealed record BedrockGovernance(int BedrockCapable, int WithBoundary, decimal? BoundaryShare);
