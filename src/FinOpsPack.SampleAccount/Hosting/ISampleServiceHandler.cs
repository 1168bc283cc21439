using FinOpsPack.Core.Aws;

namespace FinOpsPack.SampleAccount.Hosting;

/// <summary>
/// Serves one AWS service of the sample account. Found by reflection (<see cref="SampleServiceRegistry"/>); the host
/// routes by the SigV4 credential scope's service name, as LocalStack does, so one endpoint serves every service.
/// </summary>
public interface ISampleServiceHandler
{
    AwsService Service { get; }

    /// <summary>The error code this service uses when it throttles (EC2 RequestLimitExceeded, CE LimitExceededException…).</summary>
    string ThrottleCode { get; }

    /// <summary>The operation a request asks for, or null if it is not one this handler serves (the host answers 400).</summary>
    string? ResolveOperation(SampleCall call);

    /// <summary>Writes the response for an operation that passed authentication and fault injection.</summary>
    Task HandleAsync(SampleCall call, string operation, CancellationToken ct);
}
