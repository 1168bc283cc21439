using System.Text.Json.Nodes;
using FinOpsPack.Core.Aws;
using FinOpsPack.SampleAccount.Dataset;
using FinOpsPack.SampleAccount.Hosting;

namespace FinOpsPack.SampleAccount.Services;

/// <summary>
/// AWS Organizations of the sample account (awsJson 1.1, errors carry "Message"). DescribeOrganization works from any
/// account of the organization; ListAccounts only from the management account. The first ListAccounts page is empty
/// but has a NextToken, as AWS may answer.
/// </summary>
public sealed class OrganizationsHandler : ISampleServiceHandler
{
    private static readonly HashSet<string> Served = new(StringComparer.Ordinal) { "DescribeOrganization", "ListAccounts" };

    public AwsService Service => AwsService.Organizations;

    public string ThrottleCode => "TooManyRequestsException";

    public string? ResolveOperation(SampleCall call) => JsonServiceAnswers.Operation(call, Service, Served);

    public Task HandleAsync(SampleCall call, string operation, CancellationToken ct) =>
        JsonServiceAnswers.AnswerAsync(call, Service, "Message", input => operation switch
        {
            "DescribeOrganization" => DescribeOrganization(call),
            _ => ListAccounts(call, input),
        });

    private static SampleOrganization Organization(SampleCall call) =>
        call.Dataset.Organization is { } org && org.Accounts.Any(a => a.Id == call.AccountId)
            ? org
            : throw new SampleServiceError("AWSOrganizationsNotInUseException", "Your account is not a member of an organization.");

    private static object DescribeOrganization(SampleCall call)
    {
        var org = Organization(call);
        return new
        {
            Organization = new
            {
                org.Id,
                org.Arn,
                org.FeatureSet,
                MasterAccountArn = $"arn:aws:organizations::{org.MasterAccountId}:account/{org.Id}/{org.MasterAccountId}",
                org.MasterAccountId,
                org.MasterAccountEmail,
                AvailablePolicyTypes = new[] { new { Type = "SERVICE_CONTROL_POLICY", Status = "ENABLED" } },
            },
        };
    }

    private static object ListAccounts(SampleCall call, JsonObject input)
    {
        var org = Organization(call);
        if (call.AccountId != org.MasterAccountId)
        {
            throw new SampleServiceError("AccessDeniedException", "You don't have permissions to access this resource.");
        }

        var size = JsonServiceAnswers.PageSize(input.Int("MaxResults"), 20, 20, "InvalidInputException", "maxResults", call.Dataset.MaxPageSize);
        var token = input.String("NextToken");
        var scope = "ListAccounts";
        if (token is null)
        {
            return new { Accounts = Array.Empty<object>(), NextToken = SamplePageToken.Encode(scope, 0) };
        }

        var offset = SamplePageToken.Decode(token, scope)
            ?? throw new SampleServiceError("InvalidInputException", "You provided an invalid value for NextToken.");
        var (page, next) = SamplePageToken.Slice(org.Accounts, offset, size, scope);
        return new
        {
            Accounts = page.Select(a => new
            {
                a.Id,
                Arn = org.AccountArn(a.Id),
                a.Email,
                a.Name,
                Status = a.State is "ACTIVE" or "SUSPENDED" ? a.State : "PENDING_CLOSURE",
                a.State,
                a.JoinedMethod,
                JoinedTimestamp = JsonServiceAnswers.Epoch(a.Joined),
            }),
            NextToken = next,
        };
    }
}
