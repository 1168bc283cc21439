namespace FinOpsPack.Core.Rules.Iam;

public sealed class IamPrincipalBedrockWithoutBoundary : ICheck
{
    private const string ServiceLinkedPath = "/aws-service-role/";

    public CheckMetadata Metadata { get; } = new(
        Id: "iam_principal_bedrock_without_boundary",
        Title: "IAM identity able to call Bedrock without a permissions boundary",
        Service: "iam",
        ResourceType: "AWS::IAM::Principal",
        Category: CheckCategory.Governance,
        Severity: Severity.High,
        Description: "Bedrock invocation is billed per token with no spending cap; an identity allowed to call it without a permissions boundary can run up spend with nothing limiting which models or actions it reaches. Service-linked roles (which take no boundary) are not reported.",
        RequiredEvidence: [EvidenceNames.IamAuthorization],
        SavingsMethod: "Not a saving: a governance risk, with no dollar figure.",
        Remediation: "Attach a permissions boundary limiting Bedrock to the approved models and actions (e.g. bedrock:InvokeModel on named model ARNs), and set AWS Budgets alerts on Bedrock spend.");

    public IEnumerable<Finding> Evaluate(CheckContext context)
    {
        // Service-linked roles cannot take a permissions boundary: a finding on them could not be acted on.
        foreach (var principal in context.Inventory.IamPrincipals.Where(p =>
                     p.BedrockCapable && p.PermissionsBoundaryArn is null && !p.Path.StartsWith(ServiceLinkedPath, StringComparison.Ordinal)))
        {
            yield return Metadata.CreateFinding(
                new FindingTarget(principal.AccountId, "global", principal.Arn, principal.Arn, principal.Name),
                "Attach a permissions boundary",
                $"{principal.Kind} {principal.Name} can call Bedrock and has no permissions boundary",
                Savings.NotApplicable("governance risk: uncapped Bedrock spend, no dollar figure"),
                new Dictionary<string, string>
                {
                    ["kind"] = principal.Kind.ToString(),
                    ["path"] = principal.Path,
                    ["bedrock_grants"] = string.Join("; ", principal.BedrockGrants),
                    ["permissions_boundary"] = "none",
                });
        }
    }
}
