namespace FinOpsPack.Core.Rules;

/// <summary>
/// One check of the catalogue: a pure function over the inventory (no I/O, no clock: time comes in the context).
/// Found by <see cref="CheckCatalog"/> without registration: adding a check is adding one class.
/// </summary>
public interface ICheck
{
    CheckMetadata Metadata { get; }

    /// <summary>
    /// One finding per resource that needs action. A resource the check cannot judge because its evidence is incomplete
    /// is reported through <see cref="CheckContext.EvidenceIncomplete"/>, never skipped silently.
    /// </summary>
    IEnumerable<Finding> Evaluate(CheckContext context);
}
