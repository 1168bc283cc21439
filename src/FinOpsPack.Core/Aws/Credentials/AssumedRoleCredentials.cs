using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Aws.Credentials;

/// <summary>
/// Credentials of the customer's role, obtained with AssumeRole + External ID and renewed before they expire, so a long
/// scan never dies half-way. Every AssumeRole goes through the call pipeline: it is audited and retried like any call.
/// </summary>
public sealed class AssumedRoleCredentials : RefreshingAWSCredentials
{
    private readonly AmazonSecurityTokenServiceClient _sts;
    private readonly CallPipeline _pipeline;
    private readonly RoleArn _role;
    private readonly ExternalId _externalId;
    private readonly TimeSpan _duration;

    public AssumedRoleCredentials(
        AmazonSecurityTokenServiceClient sts, CallPipeline pipeline, RoleArn role, ExternalId externalId, string sessionName, TimeSpan duration)
    {
        _sts = sts;
        _pipeline = pipeline;
        _role = role;
        _externalId = externalId;
        _duration = duration;
        SessionName = sessionName;
        PreemptExpiryTime = TimeSpan.FromMinutes(5);
    }

    public string SessionName { get; }

    public string? AssumedRoleArn { get; private set; }

    protected override CredentialsRefreshState GenerateNewCredentials() =>
        GenerateNewCredentialsAsync().GetAwaiter().GetResult();

    protected override async Task<CredentialsRefreshState> GenerateNewCredentialsAsync()
    {
        var response = await _pipeline.RunAsync(
            AwsService.Sts,
            _sts.Config.AuthenticationRegion ?? "us-east-1",
            "AssumeRole",
            ct => SdkCalls.InvokeOnceAsync(AwsService.Sts, "AssumeRole", token => _sts.AssumeRoleAsync(
                new AssumeRoleRequest
                {
                    RoleArn = _role.Value,
                    RoleSessionName = SessionName,
                    ExternalId = _externalId.Value,
                    DurationSeconds = (int)_duration.TotalSeconds,
                },
                token), ct),
            CancellationToken.None).ConfigureAwait(false);
        AssumedRoleArn = response.AssumedRoleUser?.Arn;
        var c = response.Credentials;
        return new CredentialsRefreshState(
            new ImmutableCredentials(c.AccessKeyId, c.SecretAccessKey, c.SessionToken),
            c.Expiration ?? DateTime.UtcNow.Add(_duration));
    }
}
