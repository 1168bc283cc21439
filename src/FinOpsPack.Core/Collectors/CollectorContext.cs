using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Core.Inventory;

namespace FinOpsPack.Core.Collectors;

/// <summary>What a collector gets: a signed transport for the scanned account, where to write, and the scan's settings.</summary>
public sealed class CollectorContext(
    IAwsTransport transport,
    InventoryBuilder inventory,
    ScanSettings settings,
    TimeProvider time,
    string? region,
    IReadOnlyList<string> regions,
    Amazon.Runtime.AWSCredentials? credentials = null)
{
    private readonly List<string> _notes = [];

    public IAwsTransport Transport { get; } = transport;
    public InventoryBuilder Inventory { get; } = inventory;
    public ScanSettings Settings { get; } = settings;
    public TimeProvider Time { get; } = time;

    /// <summary>The region this run covers; for global collectors the home region of the partition (us-east-1).</summary>
    public string Region { get; } = region ?? "us-east-1";

    /// <summary>All regions of the scan.</summary>
    public IReadOnlyList<string> Regions { get; } = regions;

    public string AccountId => Inventory.AccountId;

    /// <summary>The scanned account's credentials, for the one SDK client we use (S3). Null in unit tests without S3.</summary>
    public Amazon.Runtime.AWSCredentials? Credentials { get; } = credentials;

    public IReadOnlyList<string> Notes => _notes;

    /// <summary>A fact worth showing beside the outcome, e.g. "not in an organization".</summary>
    public void Note(string note)
    {
        lock (_notes)
        {
            _notes.Add(note);
        }
    }
}
