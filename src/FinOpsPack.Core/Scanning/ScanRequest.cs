using Amazon.Runtime;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Core.Collectors;

namespace FinOpsPack.Core.Scanning;

/// <summary>Everything one scan needs, validated. Built by the CLI from flags, by tests and by the demo directly.</summary>
public sealed record ScanRequest
{
    public required RoleArn RoleArn { get; init; }
    public required ExternalId ExternalId { get; init; }

    /// <summary>Empty: the account's enabled regions.</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];

    public required string OutputDirectory { get; init; }
    public string? Profile { get; init; }
    public Uri? EndpointUrl { get; init; }
    public TimeSpan SessionDuration { get; init; } = TimeSpan.FromHours(1);
    public string ReviewId { get; init; } = NewReviewId();
    public TransportOptions Transport { get; init; } = new();
    public ScanSettings Settings { get; init; } = new();

    /// <summary>The caller's credentials when given directly (demo, tests); otherwise the profile or default chain.</summary>
    public AWSCredentials? CallerCredentials { get; init; }

    /// <summary>Environment lookup for endpoint overrides (tests inject their own).</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public string SessionName => "finops-pack-" + ReviewId;

    public static string NewReviewId() => DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss", System.Globalization.CultureInfo.InvariantCulture)
        + "-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(3));
}
