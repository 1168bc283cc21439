using Amazon.Runtime;
using FinOpsPack.Cli.Commands.Scan;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Onboarding;
using FinOpsPack.Core.Scanning;
using FinOpsPack.SampleAccount.Hosting;

namespace FinOpsPack.Cli.Commands.Demo;

/// <summary>
/// Starts the sample account on a free loopback port and runs the same scan a customer account gets: real HTTP, SigV4,
/// AssumeRole with an External ID, parsing, report. The External ID is random per run and never printed (except by
/// <c>--serve</c>, whose whole point is to hand it to a separate <c>scan</c>).
/// </summary>
public sealed class DemoHandler(ConsoleStreams io, TimeProvider time)
{
    public Task<int> RunAsync(string output, bool quiet, CancellationToken ct) =>
        CliErrors.GuardAsync(io, async () =>
        {
            var externalId = ExternalIdGenerator.Generate();
            await using var server = await SampleAccountServer.StartAsync(new SampleAccountOptions { ExternalId = externalId }, ct).ConfigureAwait(false);
            var request = new ScanRequest
            {
                RoleArn = RoleArn.Parse(server.Dataset.RoleArn),
                ExternalId = ExternalId.Parse(externalId),
                OutputDirectory = Path.GetFullPath(output),
                EndpointUrl = server.Endpoint,
                CallerCredentials = new BasicAWSCredentials(server.Credentials.Caller.AccessKeyId, server.Credentials.Caller.SecretAccessKey),
                Environment = _ => null,
            };
            if (!quiet)
            {
                await io.Err.WriteLineAsync($"Sample account {server.Dataset.AccountId} listening on {server.Endpoint}").ConfigureAwait(false);
            }

            return await new ScanExecution(io, time).RunAsync(request, ScanOutputOptions.Default(quiet), ct).ConfigureAwait(false);
        });

    public Task<int> ServeAsync(int port, CancellationToken ct) =>
        CliErrors.GuardAsync(io, async () =>
        {
            var externalId = ExternalIdGenerator.Generate();
            await using var server = await SampleAccountServer.StartAsync(new SampleAccountOptions { ExternalId = externalId, Port = port }, ct).ConfigureAwait(false);
            var caller = server.Credentials.Caller;
            await io.Out.WriteLineAsync($"""
                Sample AWS account {server.Dataset.AccountId} is serving on {server.Endpoint} (Ctrl-C to stop).
                Scan it from another shell:

                  export AWS_ACCESS_KEY_ID={caller.AccessKeyId}
                  export AWS_SECRET_ACCESS_KEY={caller.SecretAccessKey}
                  export {ScanCommand.ExternalIdVariable}={externalId}
                  finops-pack scan --role-arn {server.Dataset.RoleArn} --endpoint-url {server.Endpoint.ToString().TrimEnd('/')} --out sample-report

                (This External ID belongs to the throw-away sample account; a real review's External ID is never printed.)
                """).ConfigureAwait(false);
            await io.Out.FlushAsync(ct).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await io.Err.WriteLineAsync("stopped").ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
}
