using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Credentials;
using FinOpsPack.Core.Aws.Transport;

namespace FinOpsPack.Core.Scanning;

/// <summary>The caller's identity and the assumed role's credentials, ready for a transport into the customer's account.</summary>
public sealed class AwsSession : IDisposable
{
    private readonly AmazonSecurityTokenServiceClient _sts;

    private AwsSession(AmazonSecurityTokenServiceClient sts, AssumedRoleCredentials credentials, string? callerArn)
    {
        _sts = sts;
        Credentials = credentials;
        CallerArn = callerArn;
    }

    public AssumedRoleCredentials Credentials { get; }
    public string? CallerArn { get; }
    public string? AssumedRoleArn => Credentials.AssumedRoleArn;

    /// <summary>Resolves the caller, assumes the role once (so a refusal surfaces now, as <see cref="AccessException"/>).</summary>
    public static async Task<AwsSession> OpenAsync(ScanRequest request, CallPipeline pipeline, EndpointResolver endpoints, CancellationToken ct)
    {
        var caller = request.CallerCredentials ?? await CallerCredentials.ResolveAsync(request.Profile, ct).ConfigureAwait(false);
        var sts = new AmazonSecurityTokenServiceClient(caller, StsConfig(endpoints));
        try
        {
            var callerArn = await CallerArnAsync(sts, pipeline, ct).ConfigureAwait(false);
            var credentials = new AssumedRoleCredentials(sts, pipeline, request.RoleArn, request.ExternalId, request.SessionName, request.SessionDuration);
            try
            {
                await credentials.GetCredentialsAsync().ConfigureAwait(false);
            }
            catch (AwsServiceException e)
            {
                throw new AccessException(AssumeRoleHint(request, e), e);
            }

            return new AwsSession(sts, credentials, callerArn);
        }
        catch
        {
            sts.Dispose();
            throw;
        }
    }

    private static async Task<string> CallerArnAsync(AmazonSecurityTokenServiceClient sts, CallPipeline pipeline, CancellationToken ct)
    {
        try
        {
            var identity = await pipeline.RunAsync(
                AwsService.Sts, "us-east-1", "GetCallerIdentity",
                token => SdkCalls.InvokeOnceAsync(AwsService.Sts, "GetCallerIdentity", t => sts.GetCallerIdentityAsync(new GetCallerIdentityRequest(), t), token),
                ct).ConfigureAwait(false);
            return identity.Arn;
        }
        catch (AwsServiceException e)
        {
            throw new AccessException($"the caller's own AWS credentials were rejected ({e.ErrorCode}: {e.AwsMessage})", e);
        }
    }

    private static string AssumeRoleHint(ScanRequest request, AwsServiceException e)
    {
        var fingerprint = request.ExternalId.Fingerprint;
        return e.IsAccessDenied
            ? $"AssumeRole into {request.RoleArn} was refused ({e.ErrorCode}) with External ID fingerprint {fingerprint}: check that the role's trust policy names your principal, that its sts:ExternalId matches the External ID for this review, and the role name"
            : $"AssumeRole into {request.RoleArn} failed ({e.ErrorCode}: {e.AwsMessage}; External ID fingerprint {fingerprint})";
    }

    private static AmazonSecurityTokenServiceConfig StsConfig(EndpointResolver endpoints)
    {
        var config = new AmazonSecurityTokenServiceConfig
        {
            // Retries belong to the call pipeline, so each one is audited; the SDK would resend stale connections unseen.
            MaxErrorRetry = 0,
            MaxStaleConnectionRetries = 0,
            AuthenticationRegion = "us-east-1",
        };
        if (endpoints.IsOverridden(AwsService.Sts))
        {
            config.ServiceURL = endpoints.Resolve(AwsService.Sts, "us-east-1").ToString();
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.USEast1;
        }

        return config;
    }

    public void Dispose() => _sts.Dispose();
}
