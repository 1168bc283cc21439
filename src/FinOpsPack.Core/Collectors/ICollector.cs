namespace FinOpsPack.Core.Collectors;

public enum CollectorScope
{
    /// <summary>Runs once per account (Cost Explorer, IAM, Organizations, Cost Optimization Hub, S3 listing).</summary>
    Global,

    /// <summary>Runs once per scanned region.</summary>
    Regional,
}

/// <summary>
/// Reads one kind of thing from AWS into the inventory. Found by <see cref="CollectorCatalog"/> without registration:
/// adding a collector is adding one class. Its <see cref="RequiredActions"/> are the IAM actions it may call; the
/// CloudFormation policy is generated from (and tested against) these declarations.
/// </summary>
public interface ICollector
{
    /// <summary><c>&lt;service&gt;.&lt;resources&gt;</c>, e.g. <c>ec2.volumes</c>.</summary>
    string Name { get; }

    CollectorScope Scope { get; }

    IReadOnlyList<string> RequiredActions { get; }

    /// <summary>Collectors (by name) whose results this one reads; for a regional collector, in the same region.</summary>
    IReadOnlyList<string> DependsOn => [];

    /// <summary>What the report loses when this collector cannot run (shown in the coverage section).</summary>
    string Provides { get; }

    Task CollectAsync(CollectorContext context, CancellationToken ct);
}
