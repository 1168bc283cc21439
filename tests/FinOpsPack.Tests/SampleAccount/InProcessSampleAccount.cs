using System.Collections.Concurrent;
using System.Net;
using System.Xml.Linq;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Core.Collectors;
using FinOpsPack.Core.Inventory;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.SampleAccount.Hosting;
using Microsoft.AspNetCore.Http;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.SampleAccount;

/// <summary>
/// The sample account's handlers called in-process (no HTTP, no signing): routes a request to the handler of its signing
/// name exactly as the host does, and turns a query-protocol error body into <see cref="AwsServiceException"/>.
/// </summary>
public sealed class InProcessSampleAccount(SampleDataset dataset) : IAwsTransport
{
    public static readonly DateTimeOffset Now = new(2026, 3, 18, 15, 30, 0, TimeSpan.Zero);

    private readonly ConcurrentQueue<(AwsRequest Request, IReadOnlyDictionary<string, string> Form)> _calls = new();

    public SampleDataset Dataset { get; } = dataset;

    public IReadOnlyList<(AwsRequest Request, IReadOnlyDictionary<string, string> Form)> Calls => [.. _calls];

    public static InProcessSampleAccount Create() => new(SampleDataset.Create(Now, "sample-external-id"));

    /// <summary>A clock standing still at <see cref="Now"/>.</summary>
    public static TimeProvider Clock { get; } = new FixedTimeProvider(Now);

    /// <summary>A collector context for one region of the sample account, writing into <paramref name="inventory"/>.</summary>
    public CollectorContext Context(string? region, InventoryBuilder? inventory = null, ScanSettings? settings = null) =>
        new(this, inventory ?? new InventoryBuilder(Dataset.AccountId), settings ?? new ScanSettings(), Clock, region, Dataset.EnabledRegions);

    public int CallsTo(string operation) => _calls.Count(c => c.Request.Operation == operation);

    public async Task<AwsResponse> SendAsync(AwsRequest request, CancellationToken ct)
    {
        var (status, body, call) = await ServeAsync(request, ct);
        _calls.Enqueue((request, call.Form));
        if (status >= 300)
        {
            var root = XDocument.Parse(body).Root!;
            var error = root.Elements().First(e => e.Name.LocalName == "Error");
            string? Text(XElement e, string name) => e.Elements().FirstOrDefault(c => c.Name.LocalName == name)?.Value;
            throw new AwsServiceException(Text(error, "Code") ?? "Unknown", Text(error, "Message") ?? "", (HttpStatusCode)status,
                Text(root, "RequestId"), request.Action);
        }

        return new AwsResponse((HttpStatusCode)status, call.RequestId, System.Text.Encoding.UTF8.GetBytes(body), new Dictionary<string, string>());
    }

    /// <summary>Runs the handler and returns the raw answer (for tests of the wire format itself).</summary>
    public async Task<(int Status, string Body, SampleCall Call)> ServeAsync(AwsRequest request, CancellationToken ct)
    {
        var handler = SampleServiceRegistry.Find(request.Service.SigningName)
            ?? throw new InvalidOperationException("no sample handler for " + request.Service.SigningName);
        var http = new DefaultHttpContext();
        var output = new MemoryStream();
        http.Response.Body = output;
        var call = new SampleCall(http, request.Body, request.EffectiveRegion, Dataset.AccountId, Dataset);
        var operation = handler.ResolveOperation(call) ?? throw new InvalidOperationException("operation not served: " + request.Operation);
        await handler.HandleAsync(call, operation, ct);
        return (http.Response.StatusCode, System.Text.Encoding.UTF8.GetString(output.ToArray()), call);
    }

    public Uri ResolveEndpoint(AwsService service, string region) => new("http://sample.invalid/");

    public Task<T> InvokeSdkAsync<T>(AwsService service, string region, string operation, Func<CancellationToken, Task<T>> call, CancellationToken ct) =>
        throw new NotSupportedException("the in-process sample account serves the query protocol only");
}
