using FinOpsPack.Core.Aws.Services.Ecs;

namespace FinOpsPack.Core.Collectors.Ecs;

internal static class EcsTags
{
    public static IReadOnlyDictionary<string, string> ToDictionary(IReadOnlyList<EcsTag>? tags) =>
        (tags ?? []).Where(t => t.Key is not null)
            .GroupBy(t => t.Key!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value ?? "", StringComparer.Ordinal);

    /// <summary>A Describe call lists what it could not describe (MISSING: deleted between List and Describe).</summary>
    public static void NoteFailures(CollectorContext context, string kind, IReadOnlyList<EcsFailure>? failures)
    {
        foreach (var f in failures ?? [])
        {
            context.Note($"{kind} {f.Arn} not described: {f.Reason}{(f.Detail is null ? "" : " (" + f.Detail + ")")}");
        }
    }
}
