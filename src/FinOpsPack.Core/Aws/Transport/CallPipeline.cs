using System.Collections.Concurrent;
using System.Net;
using Polly;
using Polly.Retry;

namespace FinOpsPack.Core.Aws.Transport;

/// <summary>
/// What every API call goes through, whoever signs it: a global and a per-service-and-region concurrency bound, retries
/// with exponential back-off and jitter on throttling, 5xx and dropped connections, one audit record, usage counters.
/// A slot is held only while an attempt is on the wire, never during back-off; pages of long chains are served first
/// (<see cref="CallPriority"/>).
/// </summary>
public sealed class CallPipeline
{
    private readonly TransportOptions _options;
    private readonly IAuditSink _audit;
    private readonly TimeProvider _time;
    private readonly PrioritySlots _global;
    private readonly ConcurrentDictionary<(string Service, string Region), PrioritySlots> _perService = new();
    private readonly ResiliencePipeline _retry;

    public CallPipeline(TransportOptions options, IAuditSink audit, TimeProvider time)
    {
        _options = options;
        _audit = audit;
        _time = time;
        _global = new PrioritySlots(options.MaxConcurrency);
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<AwsServiceException>(IsRetryable),
                MaxRetryAttempts = options.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
            })
            .Build();
    }

    public ApiUsageCounter Usage { get; } = new();

    /// <summary>Runs one API call. <paramref name="attempt"/> sends once and throws <see cref="AwsServiceException"/> on failure.</summary>
    public async Task<T> RunAsync<T>(
        AwsService service, string region, string operation, Func<CancellationToken, Task<(T Result, int Status, string? RequestId)>> attempt, CancellationToken ct)
    {
        var started = _time.GetTimestamp();
        var startedAt = _time.GetUtcNow();
        var attribution = CallAttribution.Current;
        var attempts = 0;
        var throttles = 0;
        var latency = TimeSpan.Zero;
        var status = 0;
        string? requestId = null;
        string? errorCode = null;
        try
        {
            var result = await _retry.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    try
                    {
                        var (value, httpStatus, id) = await SendLimitedAsync(service, region, operation, attempt, onWire => latency += onWire, token).ConfigureAwait(false);
                        status = httpStatus;
                        requestId = id;
                        return value;
                    }
                    catch (AwsServiceException e)
                    {
                        status = (int)e.StatusCode;
                        requestId = e.RequestId;
                        if (e.IsThrottling)
                        {
                            throttles++;
                        }

                        throw;
                    }
                },
                ct).ConfigureAwait(false);
            return result;
        }
        catch (AwsServiceException e)
        {
            errorCode = e.ErrorCode;
            throw;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            errorCode = "Cancelled";
            throw;
        }
        finally
        {
            attribution?.Count();
            var record = new AuditRecord(
                startedAt, service.IamPrefix, operation, service.ActionFor(operation), service.GlobalRegion ?? region, status,
                requestId, attempts, throttles, _time.GetElapsedTime(started).TotalMilliseconds, latency.TotalMilliseconds,
                errorCode, attribution?.Collector, attribution?.AccountId);
            _audit.Record(record);
            Usage.Count(record, billedCostExplorerRequest: service == AwsService.CostExplorer && errorCode is null);
        }
    }

    /// <param name="onWire">Told how long the attempt was on the wire, slots held: its round trip, without the wait for a slot.</param>
    private async Task<(T, int, string?)> SendLimitedAsync<T>(
        AwsService service, string region, string operation, Func<CancellationToken, Task<(T, int, string?)>> attempt, Action<TimeSpan> onWire,
        CancellationToken ct)
    {
        var limiter = _perService.GetOrAdd(
            (service.SigningName, service.GlobalRegion ?? region),
            key => new PrioritySlots(_options.LimitFor(key.Service)));
        var urgent = CallPriority.IsUrgent(service);
        await limiter.WaitAsync(urgent, ct).ConfigureAwait(false);
        try
        {
            await _global.WaitAsync(urgent, ct).ConfigureAwait(false);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(_options.AttemptTimeout);
                var sent = _time.GetTimestamp();
                try
                {
                    return await attempt(timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException e) when (!ct.IsCancellationRequested)
                {
                    throw new AwsServiceException(AwsErrorCodes.ConnectionFailure, "the attempt timed out", 0, null, service.ActionFor(operation), e);
                }
                catch (Exception e) when (e is HttpRequestException or IOException)
                {
                    throw new AwsServiceException(AwsErrorCodes.ConnectionFailure, OneLine(e), 0, null, service.ActionFor(operation), e);
                }
                finally
                {
                    onWire(_time.GetElapsedTime(sent));
                }
            }
            finally
            {
                _global.Release();
            }
        }
        finally
        {
            limiter.Release();
        }
    }

    private static bool IsRetryable(AwsServiceException e) =>
        e.IsThrottling
        || AwsErrorCodes.IsTransient(e.ErrorCode)
        || (int)e.StatusCode >= 500
        || e.StatusCode == HttpStatusCode.RequestTimeout;

    private static string OneLine(Exception e) => (e.InnerException?.Message ?? e.Message).ReplaceLineEndings(" ");
}
