namespace FinOpsPack.Core.Collectors;

/// <summary>
/// The account has not opted in to what this collector reads (Cost Optimization Hub enrollment, resource-level Cost
/// Explorer data). Not a failure of the scan: a coverage gap with <see cref="HowToEnable"/>.
/// </summary>
public sealed class CollectorNotEnabledException(string reason, string howToEnable) : Exception(reason)
{
    public string HowToEnable { get; } = howToEnable;
}
