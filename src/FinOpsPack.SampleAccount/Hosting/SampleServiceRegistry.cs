namespace FinOpsPack.SampleAccount.Hosting;

/// <summary>Every <see cref="ISampleServiceHandler"/> in this assembly, keyed by SigV4 signing name.</summary>
public static class SampleServiceRegistry
{
    private static readonly Lazy<IReadOnlyDictionary<string, ISampleServiceHandler>> Handlers = new(() =>
        typeof(ISampleServiceHandler).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ISampleServiceHandler).IsAssignableFrom(t))
            .Select(t => (ISampleServiceHandler)Activator.CreateInstance(t)!)
            .ToDictionary(h => h.Service.SigningName, StringComparer.Ordinal));

    public static ISampleServiceHandler? Find(string signingName) =>
        Handlers.Value.TryGetValue(signingName, out var h) ? h : null;

    public static IEnumerable<ISampleServiceHandler> All => Handlers.Value.Values;
}
