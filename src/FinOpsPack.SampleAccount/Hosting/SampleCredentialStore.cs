using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace FinOpsPack.SampleAccount.Hosting;

/// <summary>A principal the sample account knows, with the secret it signs with.</summary>
public sealed record SampleIdentity(string AccessKeyId, string SecretAccessKey, string? SessionToken, string AccountId, string Arn, string UserId, DateTimeOffset? Expiration);

/// <summary>Credentials the sample account accepts: the scanner's own (caller) keys, and sessions issued by AssumeRole.</summary>
public sealed class SampleCredentialStore
{
    /// <summary>The account the consultant's scanner runs in (the caller of AssumeRole).</summary>
    public const string ScannerAccountId = "999988887777";

    private readonly ConcurrentDictionary<string, SampleIdentity> _byKey = new(StringComparer.Ordinal);

    public SampleCredentialStore()
    {
        Caller = new SampleIdentity(
            "AKIA" + RandomToken(16), RandomToken(40), null, ScannerAccountId,
            $"arn:aws:iam::{ScannerAccountId}:user/finops-consultant", "AIDASAMPLECONSULTANT", null);
        _byKey[Caller.AccessKeyId] = Caller;
    }

    public SampleIdentity Caller { get; }

    public SampleIdentity? Find(string accessKeyId) => _byKey.GetValueOrDefault(accessKeyId);

    public SampleIdentity IssueSession(string accountId, string roleName, string sessionName, DateTimeOffset expiration)
    {
        var identity = new SampleIdentity(
            "ASIA" + RandomToken(16), RandomToken(40), RandomToken(120), accountId,
            $"arn:aws:sts::{accountId}:assumed-role/{roleName}/{sessionName}", "AROASAMPLE" + RandomToken(10) + ":" + sessionName, expiration);
        _byKey[identity.AccessKeyId] = identity;
        return identity;
    }

    private static string RandomToken(int length) =>
        RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", length);
}
