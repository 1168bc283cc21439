namespace FinOpsPack.Tests.Testing;

/// <summary>A clock that always reads the same instant, for output that must be byte-for-byte reproducible.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
