using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;

namespace FinOpsPack.Core.Aws.Credentials;

/// <summary>The caller's own credentials: a named profile, or AWSSDK.Core's default chain (env, web identity, profile, SSO, container, IMDS).</summary>
public static class CallerCredentials
{
    public static async Task<AWSCredentials> ResolveAsync(string? profile, CancellationToken ct)
    {
        if (profile is not null)
        {
            return new CredentialProfileStoreChain().TryGetAWSCredentials(profile, out var fromProfile)
                ? fromProfile
                : throw new UserInputException($"--profile '{profile}' was not found in the shared AWS config or credentials files");
        }

        try
        {
            return await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync().ConfigureAwait(false);
        }
        catch (AmazonClientException e)
        {
            throw new AccessException("no AWS credentials found for the caller (environment, profile, SSO, web identity or instance role): " + e.Message.ReplaceLineEndings(" "));
        }
    }
}
