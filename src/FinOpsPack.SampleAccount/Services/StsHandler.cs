using System.Globalization;
using System.Security;
using System.Text.RegularExpressions;
using FinOpsPack.Core.Aws;
using FinOpsPack.SampleAccount.Hosting;

namespace FinOpsPack.SampleAccount.Services;

/// <summary>
/// STS as the customer's account sees it: AssumeRole succeeds only for the review's role with the review's External ID
/// (the trust policy's sts:ExternalId condition), within the role's maximum session duration.
/// </summary>
public sealed partial class StsHandler : ISampleServiceHandler
{
    private const string Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static readonly TimeSpan MaxSessionDuration = TimeSpan.FromHours(12);

    public AwsService Service => AwsService.Sts;

    public string ThrottleCode => "Throttling";

    public string? ResolveOperation(SampleCall call) => call.Form.GetValueOrDefault("Action") switch
    {
        "AssumeRole" => "AssumeRole",
        "GetCallerIdentity" => "GetCallerIdentity",
        _ => null,
    };

    public Task HandleAsync(SampleCall call, string operation, CancellationToken ct) => operation switch
    {
        "AssumeRole" => AssumeRoleAsync(call),
        _ => GetCallerIdentityAsync(call),
    };

    private static Task AssumeRoleAsync(SampleCall call)
    {
        var roleArn = call.Form.GetValueOrDefault("RoleArn") ?? "";
        var sessionName = call.Form.GetValueOrDefault("RoleSessionName") ?? "";
        var externalId = call.Form.GetValueOrDefault("ExternalId");
        var duration = int.TryParse(call.Form.GetValueOrDefault("DurationSeconds") ?? "3600", CultureInfo.InvariantCulture, out var d) ? d : -1;
        if (!SessionName().IsMatch(sessionName) || duration < 900 || duration > 43200)
        {
            return SampleErrors.WriteAsync(call, AwsProtocol.Query, 400, "ValidationError",
                "1 validation error detected: RoleSessionName or DurationSeconds failed to satisfy constraint");
        }

        var dataset = TargetAccount(call, roleArn);
        if (!dataset.ReviewRoleExists || roleArn != dataset.RoleArn || externalId != dataset.ExternalId)
        {
            return SampleErrors.WriteAsync(call, AwsProtocol.Query, 403, "AccessDenied",
                $"User: {call.Caller?.Arn} is not authorized to perform: sts:AssumeRole on resource: {roleArn}");
        }

        if (TimeSpan.FromSeconds(duration) > MaxSessionDuration)
        {
            return SampleErrors.WriteAsync(call, AwsProtocol.Query, 400, "ValidationError",
                "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }

        var expiration = DateTimeOffset.UtcNow.AddSeconds(duration);
        var session = call.CredentialStore!.IssueSession(dataset.AccountId, Dataset.SampleDataset.DefaultRoleName, sessionName, expiration);
        return call.WriteXmlAsync($"""
            <AssumeRoleResponse xmlns="{Namespace}">
              <AssumeRoleResult>
                <SourceIdentity/>
                <AssumedRoleUser>
                  <Arn>{SecurityElement.Escape(session.Arn)}</Arn>
                  <AssumedRoleId>{SecurityElement.Escape(session.UserId)}</AssumedRoleId>
                </AssumedRoleUser>
                <Credentials>
                  <AccessKeyId>{session.AccessKeyId}</AccessKeyId>
                  <SecretAccessKey>{session.SecretAccessKey}</SecretAccessKey>
                  <SessionToken>{session.SessionToken}</SessionToken>
                  <Expiration>{expiration.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}</Expiration>
                </Credentials>
                <PackedPolicySize>6</PackedPolicySize>
              </AssumeRoleResult>
              <ResponseMetadata><RequestId>{call.RequestId}</RequestId></ResponseMetadata>
            </AssumeRoleResponse>
            """);
    }

    /// <summary>The account the role ARN names, when the server holds it; otherwise the standard one (whose ARN will not match).</summary>
    private static Dataset.SampleDataset TargetAccount(SampleCall call, string roleArn)
    {
        var parts = roleArn.Split(':');
        return parts.Length >= 6 && call.AccountDataset?.Invoke(parts[4]) is { } member ? member : call.Dataset;
    }

    private static Task GetCallerIdentityAsync(SampleCall call) => call.WriteXmlAsync($"""
        <GetCallerIdentityResponse xmlns="{Namespace}">
          <GetCallerIdentityResult>
            <Arn>{SecurityElement.Escape(call.Caller!.Arn)}</Arn>
            <UserId>{SecurityElement.Escape(call.Caller.UserId)}</UserId>
            <Account>{call.Caller.AccountId}</Account>
          </GetCallerIdentityResult>
          <ResponseMetadata><RequestId>{call.RequestId}</RequestId></ResponseMetadata>
        </GetCallerIdentityResponse>
        """);

    [GeneratedRegex(@"^[\w+=,.@-]{2,64}$")]
    private static partial Regex SessionName();
}
