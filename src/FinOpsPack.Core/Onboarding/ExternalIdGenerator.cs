using System.Security.Cryptography;

namespace FinOpsPack.Core.Onboarding;

/// <summary>
/// External IDs for the role's trust policy: drawn from a cryptographic random source over the characters STS accepts,
/// long enough that guessing is not an attack (48 characters of 69 ≈ 293 bits).
/// </summary>
public static class ExternalIdGenerator
{
    public const int DefaultLength = 48;
    public const int MinimumLength = 32;

    /// <summary>STS's ExternalId limit is 1224 characters.</summary>
    public const int MaximumLength = 1224;

    public const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+=,.@:/-";

    public static string Generate(int length = DefaultLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, MinimumLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, MaximumLength);
        return RandomNumberGenerator.GetString(Alphabet, length);
    }
}
