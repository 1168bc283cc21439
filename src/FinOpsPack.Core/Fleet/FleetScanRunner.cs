using FinOpsPack.Core.Audit;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Core.Fleet;

/// <summary>
/// An organization-wide (or fleet) scan: lists the organization's ACTIVE members from the management account (or takes
/// the accounts file), keeps this shard's slice, assumes the member role in each and scans the accounts in parallel,
/// all through one call pipeline (one global budget, one audit log) with a per-account limit. Cost Explorer, Cost
/// Optimization Hub and Organizations answer for the whole organization, so they are read once, from the management
/// account. An account whose role cannot be assumed is a gap in the result, not a failure of the run.
/// </summary>
public sealed class FleetScanRunner(TimeProvider time)
{
    public const string ListingCollector = "organizations.accounts";

    /// <summary>Collectors whose AWS APIs answer for the whole organization from the management account.</summary>
    public static bool IsOrganizationWide(ICollector collector) =>
        collector.Name.StartsWith("ce.", StringComparison.Ordinal)
        || collector.Name.StartsWith("coh.", StringComparison.Ordinal)
        || collector.Name.StartsWith("organizations.", StringComparison.Ordinal);

    /// <summary>Evaluates one account's collected scan (findings and totals); null leaves findings empty.</summary>
    public Func<ScanResult, CancellationToken, Task<ScanResult>>? Evaluate { get; init; }

    /// <summary>Per-account progress lines (account id, message).</summary>
    public Action<string, string>? AccountProgress { get; init; }

    /// <exception cref="AccessException">The management account's role cannot be assumed (nothing to list accounts with).</exception>
    public async Task<ScanResult> RunAsync(FleetRequest request, IScanProgress progress, CancellationToken ct)
    {
        var template = request.Template;
        Directory.CreateDirectory(template.OutputDirectory);
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        using var audit = new AuditLog(Path.Combine(template.OutputDirectory, "audit.jsonl"));
        var pipeline = new CallPipeline(template.Transport, audit, time);
        var endpoints = new EndpointResolver(template.EndpointUrl, template.Environment);
        var context = new FleetContext(request, pipeline, endpoints, progress);

        AwsSession? management = null;
        try
        {
            CollectorOutcome? listing = null;
            OrganizationInfo? organization = null;
            IReadOnlyList<FleetAccount> accounts;
            if (request.HasManagement)
            {
                try
                {
                    management = await AwsSession.OpenAsync(template, pipeline, endpoints, ct).ConfigureAwait(false);
                }
                finally
                {
                    audit.WriteHeader(new AuditHeader("header", ScanRunner.ToolVersion, template.ReviewId, management?.CallerArn,
                        template.RoleArn.Value, management?.AssumedRoleArn, template.SessionName, template.ExternalId.Fingerprint, startedAt));
                }

                (listing, organization) = await ListOrganizationAsync(context, management, ct).ConfigureAwait(false);
                accounts = request.Accounts ?? Members(request, organization);
            }
            else
            {
                audit.WriteHeader(new AuditHeader("header", ScanRunner.ToolVersion, template.ReviewId, null,
                    template.RoleArn.Value, null, template.SessionName, template.ExternalId.Fingerprint, startedAt));
                accounts = request.Accounts ?? [];
            }

            var managementId = request.HasManagement ? template.RoleArn.AccountId : null;
            var targets = accounts.Where(a => a.AccountId != managementId).ToList();
            var parts = new List<Task<ScanResult>>();
            using var accountSlots = new SemaphoreSlim(request.AccountConcurrency);
            if (managementId is not null && request.Shard.Owns(managementId))
            {
                var name = organization?.Accounts.FirstOrDefault(a => a.Id == managementId)?.Name;
                var self = new FleetAccount(managementId, name, template.RoleArn, template.ExternalId, template.Regions);
                parts.Add(ScanAccountAsync(context, self, management, listing, organization, accountSlots, ct));
            }

            parts.AddRange(targets.Where(a => request.Shard.Owns(a.AccountId))
                .Select(a => ScanAccountAsync(context, a, null, null, organization, accountSlots, ct)));

            var results = await Task.WhenAll(parts).ConfigureAwait(false);
            var merged = results.Length > 0
                ? FleetMerger.Merge(results)
                : ListingOnly(context, management, listing, organization, startedAt);
            var finishedAt = time.GetUtcNow();
            merged = merged with
            {
                Scan = merged.Scan with
                {
                    ReviewId = template.ReviewId,
                    StartedAt = startedAt,
                    FinishedAt = finishedAt,
                    DurationMs = time.GetElapsedTime(started).TotalMilliseconds,
                },
                Api = pipeline.Usage.Snapshot(),
                Inventory = merged.Inventory with { Organization = merged.Inventory.Organization ?? organization },
            };
            return merged;
        }
        finally
        {
            management?.Dispose();
        }
    }

    private sealed record FleetContext(FleetRequest Request, CallPipeline Pipeline, EndpointResolver Endpoints, IScanProgress Progress);

    /// <summary>Runs only the Organizations collector in the management account: every shard needs the member list.</summary>
    private async Task<(CollectorOutcome Outcome, OrganizationInfo? Organization)> ListOrganizationAsync(
        FleetContext context, AwsSession management, CancellationToken ct)
    {
        using var transport = new AwsTransport(context.Pipeline, management.Credentials, context.Endpoints);
        var inventory = new InventoryBuilder(context.Request.Template.RoleArn.AccountId);
        var runner = new CollectorRunner(transport, inventory, context.Request.Template.Settings, time, context.Progress, management.Credentials);
        var listing = CollectorCatalog.All.Where(c => c.Name == ListingCollector).ToList();
        var (outcomes, _) = await runner.RunAsync(listing, ["us-east-1"], ct).ConfigureAwait(false);
        return (outcomes.Single(), inventory.Get<OrganizationInfo>());
    }

    private static List<FleetAccount> Members(FleetRequest request, OrganizationInfo? organization)
    {
        var template = request.Template;
        return [.. (organization?.Accounts ?? [])
            .Where(a => string.Equals(a.State, "ACTIVE", StringComparison.OrdinalIgnoreCase))
            .Select(a => new FleetAccount(
                a.Id, a.Name, RoleArn.Parse($"arn:{template.RoleArn.Partition}:iam::{a.Id}:role/{request.MemberRoleName}"),
                template.ExternalId, template.Regions))];
    }

    private async Task<ScanResult> ScanAccountAsync(
        FleetContext context, FleetAccount account, AwsSession? openSession, CollectorOutcome? listing, OrganizationInfo? organization,
        SemaphoreSlim slots, CancellationToken ct)
    {
        await slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            return await ScanOneAsync(context, account, openSession, listing, organization, ct).ConfigureAwait(false);
        }
        finally
        {
            slots.Release();
        }
    }

    private async Task<ScanResult> ScanOneAsync(
        FleetContext context, FleetAccount account, AwsSession? openSession, CollectorOutcome? listing, OrganizationInfo? organization,
        CancellationToken ct)
    {
        var request = context.Request;
        var isManagement = openSession is not null;
        var scanRequest = request.Template with { RoleArn = account.RoleArn, ExternalId = account.ExternalId, Regions = account.Regions };
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        AwsSession session;
        try
        {
            session = openSession ?? await AwsSession.OpenAsync(scanRequest, context.Pipeline, context.Endpoints, ct).ConfigureAwait(false);
        }
        catch (AccessException e)
        {
            AccountProgress?.Invoke(account.AccountId, "not assumed: " + e.Message);
            return Part(scanRequest, account, null, [], AccountScanStatus.NotAssumed, e.Message, [], startedAt, started, isManagement);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            AccountProgress?.Invoke(account.AccountId, "failed: " + e.Message);
            return Part(scanRequest, account, null, [], AccountScanStatus.Failed, e.GetType().Name + ": " + e.Message.ReplaceLineEndings(" "),
                [], startedAt, started, isManagement);
        }

        try
        {
            AccountProgress?.Invoke(account.AccountId, "scanning as " + session.AssumedRoleArn);
            using var signed = new AwsTransport(context.Pipeline, session.Credentials, context.Endpoints);
            using var limited = new AccountLimitedTransport(signed, request.PerAccountConcurrency);
            var inventory = new InventoryBuilder(account.AccountId);
            var standalone = !request.HasManagement;
            var collectors = CollectorCatalog.All
                .Where(c => standalone || (isManagement ? c.Name != ListingCollector : !IsOrganizationWide(c)))
                .ToList();
            var runner = new CollectorRunner(limited, inventory, request.Template.Settings, time, context.Progress, session.Credentials);
            var (outcomes, regions) = await runner.RunAsync(collectors, account.Regions, ct).ConfigureAwait(false);
            var all = outcomes.ToList();
            if (isManagement && listing is not null)
            {
                all.Add(listing);
                if (organization is not null)
                {
                    inventory.Set(organization);
                }
            }
            else if (!standalone)
            {
                all.AddRange(CollectorCatalog.All.Where(IsOrganizationWide).Select(c => new CollectorOutcome(
                    c.Name, null, CollectorStatus.Skipped, null, "read once for the whole organization from the management account",
                    [], startedAt, 0, 0, c.Provides)));
            }

            all = [.. all.OrderBy(o => o.Collector, StringComparer.Ordinal).ThenBy(o => o.Region, StringComparer.Ordinal)];
            var status = all.Any(FleetMerger.IsMissing) ? AccountScanStatus.Partial : AccountScanStatus.Scanned;
            var result = Part(scanRequest, account, session, all, status, null, regions, startedAt, started, isManagement) with
            {
                Inventory = inventory.Build(),
            };
            if (Evaluate is not null)
            {
                var evaluated = await Evaluate(result, ct).ConfigureAwait(false);
                result = evaluated with
                {
                    Accounts = [result.Accounts![0] with
                    {
                        Findings = evaluated.Findings.Count,
                        MonthlySavings = evaluated.Savings?.MonthlySavings,
                    }],
                };
            }

            AccountProgress?.Invoke(account.AccountId, $"{status}: {result.Findings.Count} findings");
            return result;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            AccountProgress?.Invoke(account.AccountId, "failed: " + e.Message);
            return Part(scanRequest, account, session, [], AccountScanStatus.Failed, e.GetType().Name + ": " + e.Message.ReplaceLineEndings(" "),
                [], startedAt, started, isManagement);
        }
        finally
        {
            if (openSession is null)
            {
                session.Dispose();
            }
        }
    }

    private ScanResult Part(
        ScanRequest request, FleetAccount account, AwsSession? session, IReadOnlyList<CollectorOutcome> outcomes, AccountScanStatus status,
        string? reason, IReadOnlyList<string> regions, DateTimeOffset startedAt, long started, bool isManagement)
    {
        var duration = time.GetElapsedTime(started).TotalMilliseconds;
        return new ScanResult
        {
            Scan = new ScanMetadata(
                ScanRunner.ToolVersion, request.ReviewId, session?.CallerArn, account.RoleArn.Value, session?.AssumedRoleArn,
                request.SessionName, account.ExternalId.Fingerprint, account.AccountId, regions, startedAt, time.GetUtcNow(), duration,
                status == AccountScanStatus.Scanned ? ExitCodes.Ok : ExitCodes.Partial),
            Inventory = new AccountInventory { AccountId = account.AccountId },
            Collectors = outcomes,
            Api = EmptyUsage,
            Accounts = [new AccountScan(account.AccountId, account.Name, account.RoleArn.Value, isManagement, status, reason, regions, outcomes, 0, null, duration)],
        };
    }

    private ScanResult ListingOnly(
        FleetContext context, AwsSession? management, CollectorOutcome? listing, OrganizationInfo? organization, DateTimeOffset startedAt)
    {
        var template = context.Request.Template;
        return new ScanResult
        {
            Scan = new ScanMetadata(
                ScanRunner.ToolVersion, template.ReviewId, management?.CallerArn, template.RoleArn.Value, management?.AssumedRoleArn,
                template.SessionName, template.ExternalId.Fingerprint, template.RoleArn.AccountId, [], startedAt, time.GetUtcNow(), 0,
                listing is not null && FleetMerger.IsMissing(listing) ? ExitCodes.Partial : ExitCodes.Ok),
            Inventory = new AccountInventory { AccountId = template.RoleArn.AccountId, Organization = organization },
            Collectors = listing is null ? [] : [listing],
            Api = EmptyUsage,
            Accounts = [],
        };
    }

    private static readonly ApiUsage EmptyUsage = new(0, 0, 0, 0, 0, new Dictionary<string, int>(), 0, 0m, 0);
}
