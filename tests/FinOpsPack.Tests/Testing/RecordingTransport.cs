using System.Collections.Concurrent;
using System.Net;
using System.Text;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Tests.Testing;

/// <summary>
/// A fake <see cref="IAwsTransport"/> for client and collector unit tests: answers each operation from a queue of canned
/// bodies or errors, in order, and records every request it was sent. An operation with nothing queued fails the test.
/// </summary>
public sealed class RecordingTransport : IAwsTransport
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Func<AwsRequest, AwsResponse>>> _answers = new(StringComparer.Ordinal);
    private readonly List<AwsRequest> _requests = [];

    public IReadOnlyList<AwsRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public RecordingTransport Reply(string operation, string json) =>
        Enqueue(operation, _ => new AwsResponse(HttpStatusCode.OK, "req-" + operation, Encoding.UTF8.GetBytes(json), new Dictionary<string, string>()));

    public RecordingTransport Fail(string operation, string code, string message, HttpStatusCode status = HttpStatusCode.BadRequest) =>
        Enqueue(operation, request => throw new AwsServiceException(code, message, status, "req-err", request.Action));

    public IReadOnlyList<AwsRequest> Sent(string operation) => [.. Requests.Where(r => r.Operation == operation)];

    public static string Text(AwsRequest request) => Encoding.UTF8.GetString(request.Body);

    public Task<AwsResponse> SendAsync(AwsRequest request, CancellationToken ct)
    {
        lock (_requests)
        {
            _requests.Add(request);
        }

        return _answers.TryGetValue(request.Operation, out var queue) && queue.TryDequeue(out var answer)
            ? Task.FromResult(answer(request))
            : throw new InvalidOperationException($"no canned answer left for {request.Operation}");
    }

    public Uri ResolveEndpoint(AwsService service, string region) => throw new NotSupportedException("no endpoints in a recording transport");

    public Task<T> InvokeSdkAsync<T>(AwsService service, string region, string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct) =>
        throw new NotSupportedException("SDK calls need a real endpoint");

    private RecordingTransport Enqueue(string operation, Func<AwsRequest, AwsResponse> answer)
    {
        _answers.GetOrAdd(operation, _ => new ConcurrentQueue<Func<AwsRequest, AwsResponse>>()).Enqueue(answer);
        return this;
    }
}
