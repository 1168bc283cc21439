using System.Net.Http.Headers;
using System.Text;
using Amazon.Runtime;
using Amazon.Runtime.Signing;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.SampleAccount.Hosting;
using FinOpsPack.Tests.Testing;

namespace FinOpsPack.Tests.SampleAccount.Hosting;

/// <summary>The sample account's opt-in response cache, over HTTP with real SigV4-signed requests.</summary>
public sealed class SampleResponseCacheTests
{
    private const string DescribeRegions = "Action=DescribeRegions&Version=2016-11-15";
    private const string GetCallerIdentity = "Action=GetCallerIdentity&Version=2011-06-15";

    [Fact]
    public async Task Should_Replay_The_Same_Bytes_With_A_Fresh_Request_Id_When_An_Identical_Signed_Request_Repeats()
    {
        // Given a server with a cache
        var cache = new SampleResponseCache();
        await using var server = await StartAsync(cache);

        // When the same signed request is sent twice
        var first = await SendAsync(server, "ec2", DescribeRegions);
        var second = await SendAsync(server, "ec2", DescribeRegions);

        // Then the second is the first answer byte for byte, its request id apart (header and body carry its own)
        Assert.Equal((200, 200), (first.Status, second.Status));
        Assert.Equal((1, 1, 1), (cache.Misses, cache.Hits, cache.Entries));
        Assert.NotEqual(first.RequestId, second.RequestId);
        Assert.Contains($"<requestId>{second.RequestId}</requestId>", second.Text, StringComparison.Ordinal);
        Assert.Equal(first.Text.Replace(first.RequestId, second.RequestId, StringComparison.Ordinal), second.Text);
        Assert.Equal(first.ContentType, second.ContentType);

        // and both were still served (counted) as requests of the operation
        Assert.Equal(2, server.ServedByAction["ec2:DescribeRegions"]);
    }

    [Fact]
    public async Task Should_Answer_From_The_Cache_Filled_By_Another_Server_When_Servers_Share_It()
    {
        // Given an answer cached by one server whose dataset then changes
        var cache = new SampleResponseCache();
        var dataset = SampleDataset.Create(DateTimeOffset.UtcNow, SampleAccountHarness.TestExternalId);
        string before;
        await using (var one = await StartAsync(cache, dataset: dataset))
        {
            before = (await SendAsync(one, "ec2", DescribeRegions)).Text;
        }

        // When a second server of the same dataset gets the same request (signed with its own credentials)
        await using var two = await StartAsync(cache, dataset: dataset);
        var again = await SendAsync(two, "ec2", DescribeRegions);

        // Then it is a hit: the answer was not generated again
        Assert.Equal(200, again.Status);
        Assert.Equal((1, 1), (cache.Hits, cache.Misses));
        Assert.Equal(before.Length, again.Text.Length);
    }

    [Fact]
    public async Task Should_Throttle_A_Cached_Request_And_Never_Cache_A_Throttled_One_When_The_Bucket_Is_Empty()
    {
        // Given EC2 limited to one request per region, never refilled
        var cache = new SampleResponseCache();
        var faults = new FaultPlan { RateLimits = new Dictionary<string, RateLimit>(StringComparer.Ordinal) { ["ec2"] = new(1, 0) } };
        await using var server = await StartAsync(cache, faults);

        // When the same request is sent three times
        var first = await SendAsync(server, "ec2", DescribeRegions);
        var second = await SendAsync(server, "ec2", DescribeRegions);
        var third = await SendAsync(server, "ec2", DescribeRegions);

        // Then only the first is answered; the cached answer is not served past the token bucket
        Assert.Equal(200, first.Status);
        Assert.Equal((503, 503), (second.Status, third.Status));
        Assert.Contains("<Code>RequestLimitExceeded</Code>", second.Text, StringComparison.Ordinal);
        Assert.Equal((0, 1, 1), (cache.Hits, cache.Misses, cache.Entries));
    }

    [Fact]
    public async Task Should_Not_Store_A_Throttled_Answer_When_The_First_Request_Is_Throttled()
    {
        // Given an EC2 bucket that is empty from the start
        var cache = new SampleResponseCache();
        var faults = new FaultPlan { RateLimits = new Dictionary<string, RateLimit>(StringComparer.Ordinal) { ["ec2"] = new(0, 0) } };
        await using var server = await StartAsync(cache, faults);

        // When a request is throttled
        var throttled = await SendAsync(server, "ec2", DescribeRegions);

        // Then the cache was neither consulted nor filled
        Assert.Equal(503, throttled.Status);
        Assert.Equal((0, 0, 0), (cache.Hits, cache.Misses, cache.Entries));
    }

    [Fact]
    public async Task Should_Miss_When_Only_The_Body_Differs()
    {
        // Given a cached DescribeRegions
        var cache = new SampleResponseCache();
        await using var server = await StartAsync(cache);
        await SendAsync(server, "ec2", DescribeRegions);

        // When the request differs in its body only (a filter), then in its region only
        var filtered = await SendAsync(server, "ec2", DescribeRegions + "&RegionName.1=eu-west-1");
        var elsewhere = await SendAsync(server, "ec2", DescribeRegions, region: "eu-west-1");

        // Then both are misses, answered for what they asked
        Assert.Equal((0, 3, 3), (cache.Hits, cache.Misses, cache.Entries));
        Assert.Contains("<regionName>eu-west-1</regionName>", filtered.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<regionName>us-east-1</regionName>", filtered.Text, StringComparison.Ordinal);
        Assert.Equal(200, elsewhere.Status);
    }

    [Fact]
    public async Task Should_Never_Cache_Sts_When_The_Cache_Is_On()
    {
        // Given a server with a cache
        var cache = new SampleResponseCache();
        await using var server = await StartAsync(cache);

        // When GetCallerIdentity is asked twice
        var first = await SendAsync(server, "sts", GetCallerIdentity, session: false);
        var second = await SendAsync(server, "sts", GetCallerIdentity, session: false);

        // Then both were generated (the cache was not consulted), each with its own request id
        Assert.Equal((200, 200), (first.Status, second.Status));
        Assert.Equal((0, 0, 0), (cache.Hits, cache.Misses, cache.Entries));
        Assert.Contains(second.RequestId, second.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(first.RequestId, second.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_Give_A_Fresh_Host_Id_When_An_S3_Answer_Is_Replayed()
    {
        // Given a cached ListBuckets
        var cache = new SampleResponseCache();
        await using var server = await StartAsync(cache);
        var first = await SendAsync(server, "s3", null);

        // When it is asked again
        var second = await SendAsync(server, "s3", null);

        // Then the replay carries its own x-amz-id-2, derived from its own request id
        Assert.Equal((200, 200), (first.Status, second.Status));
        Assert.Equal(1, cache.Hits);
        Assert.Equal(Convert.ToBase64String(Encoding.UTF8.GetBytes(second.RequestId)), second.Header("x-amz-id-2"));
        Assert.NotEqual(first.Header("x-amz-id-2"), second.Header("x-amz-id-2"));
        Assert.Equal(first.Text, second.Text);
    }

    [Fact]
    public async Task Should_Not_Cache_When_No_Cache_Is_Given()
    {
        // Given the default options
        var options = new SampleAccountOptions { ExternalId = SampleAccountHarness.TestExternalId };
        await using var server = await SampleAccountServer.StartAsync(options);

        // When a request is sent twice
        var first = await SendAsync(server, "ec2", DescribeRegions);
        var second = await SendAsync(server, "ec2", DescribeRegions);

        // Then there is no cache, and both answers were generated
        Assert.Null(options.ResponseCache);
        Assert.Null(server.ResponseCache);
        Assert.Equal((200, 200), (first.Status, second.Status));
        Assert.Equal(2, server.ServedByAction["ec2:DescribeRegions"]);
    }

    [Fact]
    public async Task Should_Refuse_A_Cache_Filled_From_Another_Dataset_When_A_Server_Starts()
    {
        // Given a cache bound to one server's dataset
        var cache = new SampleResponseCache();
        await using var one = await StartAsync(cache);

        // When a server of another dataset is started with it, then it is refused
        await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(cache));
    }

    private static Task<SampleAccountServer> StartAsync(SampleResponseCache cache, FaultPlan? faults = null, SampleDataset? dataset = null) =>
        SampleAccountServer.StartAsync(new SampleAccountOptions
        {
            ExternalId = SampleAccountHarness.TestExternalId,
            Dataset = dataset ?? SampleDataset.Create(DateTimeOffset.UtcNow, SampleAccountHarness.TestExternalId),
            Faults = faults ?? FaultPlan.None,
            ResponseCache = cache,
        });

    /// <summary>Signs and sends one request: a form POST, or a GET of "/" when <paramref name="form"/> is null (S3 ListBuckets).</summary>
    private static async Task<Answer> SendAsync(SampleAccountServer server, string service, string? form, string region = "us-east-1", bool session = true)
    {
        var identity = session
            ? server.Credentials.IssueSession(server.Dataset.AccountId, "finops-pack-readonly", "cache-test", DateTimeOffset.UtcNow.AddHours(1))
            : server.Credentials.Caller;
        var parameters = new AWSSigV4Parameters
        {
            Credentials = identity.SessionToken is { } token
                ? new SessionAWSCredentials(identity.AccessKeyId, identity.SecretAccessKey, token)
                : new BasicAWSCredentials(identity.AccessKeyId, identity.SecretAccessKey),
            Region = Amazon.RegionEndpoint.GetBySystemName(region),
            Service = service,
            SignedAt = DateTime.UtcNow,
        };
        using var client = new HttpClient(new SigV4SigningHandler(parameters, new HttpClientHandler()));
        using var request = new HttpRequestMessage(form is null ? HttpMethod.Get : HttpMethod.Post, server.Endpoint);
        if (form is not null)
        {
            request.Content = new StringContent(form, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded") { CharSet = "utf-8" };
        }

        using var response = await client.SendAsync(request);
        var headers = response.Headers.Concat(response.Content.Headers)
            .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return new Answer((int)response.StatusCode, headers, Encoding.UTF8.GetString(bytes));
    }

    private sealed record Answer(int Status, IReadOnlyDictionary<string, string> Headers, string Text)
    {
        public string RequestId => Header("x-amzn-RequestId") ?? throw new InvalidOperationException("no request id");

        public string? ContentType => Header("Content-Type");

        public string? Header(string name) => Headers.GetValueOrDefault(name);
    }
}
