using System.Collections.Concurrent;
using System.Net;
using FinOpsPack.Core.Aws;
using FinOpsPack.SampleAccount.Dataset;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FinOpsPack.SampleAccount.Hosting;

/// <summary>
/// The sample AWS account: a Kestrel server on 127.0.0.1 speaking every protocol the scanner uses. Every request must
/// carry a valid SigV4 signature; the service is taken from the credential scope, so one endpoint serves all services.
/// </summary>
public sealed class SampleAccountServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _servedByAction = new(StringComparer.Ordinal);
    private readonly Random _random;
    private readonly ConcurrentDictionary<(string Service, string Region), TokenBucket> _buckets = new();
    private int _served;

    private SampleAccountServer(WebApplication app, SampleAccountOptions options, SampleDataset dataset)
    {
        _app = app;
        Dataset = dataset;
        Accounts = new[] { dataset }.Concat(options.Members).ToDictionary(d => d.AccountId, StringComparer.Ordinal);
        Faults = options.Faults;
        ResponseCache = options.ResponseCache;
        ResponseCache?.Bind(dataset, options.Members);
        _random = new Random(options.Faults.Seed);
    }

    /// <summary>The management (or only) account's dataset.</summary>
    public SampleDataset Dataset { get; }

    /// <summary>Every account the server holds, the management account's included, by account id.</summary>
    public IReadOnlyDictionary<string, SampleDataset> Accounts { get; }
    public SampleCredentialStore Credentials { get; } = new();

    /// <summary>Faults in force; may be changed between scans.</summary>
    public FaultPlan Faults { get; set; }

    public Uri Endpoint { get; private set; } = null!;

    /// <summary>The response cache in use, or null.</summary>
    public SampleResponseCache? ResponseCache { get; }

    /// <summary>HTTP requests that reached an operation (faulted ones included).</summary>
    public int Served => Volatile.Read(ref _served);

    public IReadOnlyDictionary<string, int> ServedByAction => _servedByAction;

    public static async Task<SampleAccountServer> StartAsync(SampleAccountOptions options, CancellationToken ct = default)
    {
        var dataset = options.Dataset ?? SampleDataset.Create(DateTimeOffset.UtcNow, options.ExternalId);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, options.Port);
            k.Limits.MaxRequestBodySize = 10 * 1024 * 1024;
        });
        var app = builder.Build();
        var server = new SampleAccountServer(app, options, dataset);
        app.Run(server.HandleAsync);
        await app.StartAsync(ct).ConfigureAwait(false);
        server.Endpoint = new Uri(app.Urls.First());
        return server;
    }

    public void ResetCounters()
    {
        Interlocked.Exchange(ref _served, 0);
        _servedByAction.Clear();
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted).ConfigureAwait(false);
        var body = buffer.ToArray();

        var auth = SigV4Verifier.Verify(http, body, key => Credentials.Find(key)?.SecretAccessKey, DateTimeOffset.UtcNow);
        var handler = auth.Scope is null ? null : SampleServiceRegistry.Find(auth.Scope.Service);
        var caller = auth.Scope is null ? null : Credentials.Find(auth.Scope.AccessKey);
        var dataset = caller is not null && Accounts.TryGetValue(caller.AccountId, out var own) ? own : Dataset;
        var call = new SampleCall(http, body, auth.Scope?.Region ?? "us-east-1", caller?.AccountId ?? "", dataset)
        {
            Caller = caller,
            CredentialStore = Credentials,
            AccountDataset = id => Accounts.GetValueOrDefault(id),
        };
        var protocol = handler?.Service.Protocol ?? AwsProtocol.Query;
        if (!auth.Ok)
        {
            await SampleErrors.WriteAsync(call, protocol, 403, auth.ErrorCode!, auth.Message!).ConfigureAwait(false);
            return;
        }

        if (handler is null)
        {
            await SampleErrors.WriteAsync(call, protocol, 400, "UnknownService", $"no service '{auth.Scope!.Service}' in the sample account").ConfigureAwait(false);
            return;
        }

        var operation = handler.ResolveOperation(call);
        if (operation is null)
        {
            await SampleErrors.WriteAsync(call, protocol, 400, "InvalidAction", "The action or operation requested is invalid.").ConfigureAwait(false);
            return;
        }

        var action = handler.Service.ActionFor(operation);
        Interlocked.Increment(ref _served);
        _servedByAction.AddOrUpdate(action, 1, (_, n) => n + 1);

        if (handler.Service != AwsService.Sts && !Accounts.ContainsKey(caller!.AccountId))
        {
            await SampleErrors.WriteAsync(call, protocol, 403, SampleErrors.AccessDeniedCode(protocol),
                $"User: {caller.Arn} is not authorized to perform: {action} (use the review role's session)").ConfigureAwait(false);
            return;
        }

        if (await InjectFaultAsync(call, handler, action).ConfigureAwait(false))
        {
            return;
        }

        var cache = handler.Service == AwsService.Sts ? null : ResponseCache;
        var key = cache is null ? null : SampleResponseCache.KeyFor(call, auth.Scope!.Service);
        if (cache?.Find(key!, auth.Scope!.Service) is { } cached)
        {
            await cached.WriteAsync(call).ConfigureAwait(false);
            return;
        }

        call.Capture = cache is not null;
        try
        {
            await handler.HandleAsync(call, operation, http.RequestAborted).ConfigureAwait(false);
            if (call.Written is { } answer && !http.RequestAborted.IsCancellationRequested)
            {
                cache!.Store(key!, answer);
            }
        }
        catch (Exception e) when (!http.Response.HasStarted)
        {
            await SampleErrors.WriteAsync(call, protocol, 500, "InternalFailure", "sample account handler failed: " + e.Message).ConfigureAwait(false);
        }
    }

    /// <summary>Applies the fault plan; true when the request was answered (or dropped) by a fault.</summary>
    private async Task<bool> InjectFaultAsync(SampleCall call, ISampleServiceHandler handler, string action)
    {
        var faults = Faults;
        var protocol = handler.Service.Protocol;
        double roll, jitter;
        lock (_random)
        {
            roll = _random.NextDouble();
            jitter = _random.NextDouble() * 2 - 1;
        }

        var delay = faults.Latency + (faults.LatencyJitter * jitter);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, call.Http.RequestAborted).ConfigureAwait(false);
        }

        if (faults.DeniedActions.Contains(action))
        {
            await SampleErrors.WriteAsync(call, protocol, 403, SampleErrors.AccessDeniedCode(protocol),
                $"User: {call.Caller!.Arn} is not authorized to perform: {action} because no identity-based policy allows the {action} action").ConfigureAwait(false);
            return true;
        }

        if (faults.RateLimits.TryGetValue(handler.Service.SigningName, out var limit)
            && !_buckets.GetOrAdd((handler.Service.SigningName, call.Region), _ => new TokenBucket(limit.Capacity, limit.RefillPerSecond, TimeProvider.System)).TryTake())
        {
            var code = handler.ThrottleCode;
            await SampleErrors.WriteAsync(call, protocol, SampleErrors.ThrottleStatus(protocol, code), code, "Rate exceeded").ConfigureAwait(false);
            return true;
        }

        if (faults.ExemptServices.Contains(handler.Service.SigningName))
        {
            return false;
        }

        if (roll < faults.DropRate)
        {
            call.Http.Abort();
            return true;
        }

        roll -= faults.DropRate;
        if (roll < faults.ThrottleRate)
        {
            var code = handler.ThrottleCode;
            await SampleErrors.WriteAsync(call, protocol, SampleErrors.ThrottleStatus(protocol, code), code, "Rate exceeded").ConfigureAwait(false);
            return true;
        }

        roll -= faults.ThrottleRate;
        if (roll < faults.ServerErrorRate)
        {
            var status = roll < faults.ServerErrorRate / 2 ? 500 : 503;
            var code = status == 500 ? (protocol == AwsProtocol.Ec2Query ? "InternalError" : "InternalFailure") : "ServiceUnavailable";
            await SampleErrors.WriteAsync(call, protocol, status, code, "We encountered an internal error. Please try again.").ConfigureAwait(false);
            return true;
        }

        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
