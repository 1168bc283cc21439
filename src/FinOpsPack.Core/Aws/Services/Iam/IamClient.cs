using FinOpsPack.Core.Aws.Protocol;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Aws.Services.Iam;

/// <summary>IAM over the query protocol (Version 2010-05-08), global: signed for us-east-1 whatever region is given.</summary>
public sealed class IamClient(IAwsTransport transport, string region)
{
    /// <summary>IAM accepts MaxItems 1–1000.</summary>
    public const int MaxItemsLimit = 1000;

    /// <summary>
    /// Every page of GetAccountAuthorizationDetails, following <c>Marker</c> while <c>IsTruncated</c> (IAM may return
    /// fewer items than asked and still be truncated). Pages are yielded whole: each holds users, groups, roles and policies.
    /// </summary>
    /// <param name="filter">Entity types (User, Role, Group, LocalManagedPolicy, AWSManagedPolicy); null or empty = all.</param>
    public IAsyncEnumerable<AuthorizationDetailsPage> GetAccountAuthorizationDetailsAsync(
        IReadOnlyList<string>? filter = null, int maxItems = MaxItemsLimit, CancellationToken ct = default) =>
        Paginator.PaginateAsync(
            (marker, c) => GetAccountAuthorizationDetailsPageAsync(filter, maxItems, marker, c),
            p => p.Marker,
            p => new[] { p },
            ct);

    public Task<AuthorizationDetailsPage> GetAccountAuthorizationDetailsPageAsync(
        IReadOnlyList<string>? filter, int maxItems, string? marker, CancellationToken ct)
    {
        if (maxItems is < 1 or > MaxItemsLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(maxItems), maxItems, $"IAM accepts MaxItems 1–{MaxItemsLimit}");
        }

        var form = new QueryForm(AwsService.Iam, "GetAccountAuthorizationDetails")
            .AddList("Filter.member", filter ?? [])
            .Add("MaxItems", maxItems)
            .Add("Marker", marker);
        return QueryResponse.SendAsync(transport, form, region, AuthorizationDetailsPage.From, ct);
    }
}
