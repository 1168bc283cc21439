namespace FinOpsPack.Core.Rules;

/// <summary>What a check is, what it needs and how it prices its findings: the content of <c>finops-pack checks</c>.</summary>
/// <param name="Id"><c>&lt;service&gt;_&lt;resource&gt;_&lt;condition&gt;</c>, the snake_case of the class name.</param>
/// <param name="RequiredEvidence">Collectors (by name) without whose success in a region the check cannot judge that region.</param>
/// <param name="SavingsMethod">How the saving is computed, in words a consultant can defend.</param>
/// <param name="Remediation">What to do, as text: the tool itself never changes anything.</param>
public sealed record CheckMetadata(
    string Id,
    string Title,
    string Service,
    string ResourceType,
    CheckCategory Category,
    Severity Severity,
    string Description,
    IReadOnlyList<string> RequiredEvidence,
    string SavingsMethod,
    string Remediation)
{
    /// <summary>Collectors that refine the result (a better savings source) but are not needed to judge.</summary>
    public IReadOnlyList<string> OptionalEvidence { get; init; } = [];

    /// <summary>The thresholds this check reads, with their defaults (settings file keys).</summary>
    public IReadOnlyList<CheckSettingInfo> Settings { get; init; } = [];

    public IEnumerable<string> AllEvidence => RequiredEvidence.Concat(OptionalEvidence);

    /// <summary>A finding of this check on one resource, with its stable id.</summary>
    /// <param name="idDiscriminator">Only for checks that may report one resource more than once (one per COH action type).</param>
    public Finding CreateFinding(
        FindingTarget target,
        string action,
        string summary,
        SavingsEstimate savings,
        IReadOnlyDictionary<string, string>? evidence = null,
        string? idDiscriminator = null) =>
        new(
            FindingIds.For(Id, target.AccountId, target.Region, idDiscriminator is null ? target.ResourceId : target.ResourceId + "#" + idDiscriminator),
            Id,
            Title,
            Category,
            Severity,
            Service,
            ResourceType,
            target.ResourceId,
            target.ResourceArn,
            target.ResourceName,
            target.AccountId,
            target.Region,
            action,
            summary,
            savings,
            evidence is null ? EvidenceMap.Empty : EvidenceMap.From(evidence));
}

/// <summary>The resource a finding is about.</summary>
public sealed record FindingTarget(string AccountId, string Region, string ResourceId, string? ResourceArn = null, string? ResourceName = null);
