using FinOpsPack.Cli.Commands.Onboard;
using FinOpsPack.Cli.Commands.Scan;
using FinOpsPack.Core.Audit;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Aws.Transport;
using FinOpsPack.Core.Onboarding;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli.Commands.CheckAccess;

/// <summary>
/// Assumes the role exactly as <c>scan</c> does (same validation, session and transport), runs every access probe and
/// prints what is permitted and what each denial costs the report. Exit 0: a scan would be complete; 3: some action is
/// denied; 1: some call failed otherwise (the answer is unknown); 4: the role cannot be assumed.
/// </summary>
/// <param name="configure">Lets tests supply caller credentials and environment without touching the process's.</param>
public sealed class CheckAccessHandler(ConsoleStreams io, TimeProvider time, Func<ScanRequest, ScanRequest>? configure = null)
{
    public Task<int> RunAsync(CheckAccessOptions options, CancellationToken ct) =>
        CliErrors.GuardAsync(io, async () =>
        {
            var region = OnboardInstructions.SingleRegion(options.Region);
            // The scan's own validation and request; check-access writes nothing, so the output directory is never used.
            var request = ScanHandler.ToRequest(new ScanOptions(
                options.RoleArn, options.ExternalId, region, Path.GetTempPath(), options.Profile, options.EndpointUrl,
                SessionDurationSeconds: 900, MaxConcurrency: Core.Aws.Transport.TransportOptions.DefaultMaxConcurrency, Quiet: true));
            request = configure?.Invoke(request) ?? request;
            await io.Err.WriteLineAsync($"Checking access of {request.RoleArn} (External ID fingerprint {request.ExternalId.Fingerprint}) in {region}").ConfigureAwait(false);

            using var audit = new AuditLog(null);
            var pipeline = new CallPipeline(request.Transport, audit, time);
            var endpoints = new EndpointResolver(request.EndpointUrl, request.Environment);
            using var session = await AwsSession.OpenAsync(request, pipeline, endpoints, ct).ConfigureAwait(false);
            using var transport = new AwsTransport(pipeline, session.Credentials, endpoints);
            var report = await new AccessChecker(transport, time).CheckAsync(new AccessCheckOptions(region, options.IncludeBilled), ct).ConfigureAwait(false);

            await io.Out.WriteAsync(Render(report)).ConfigureAwait(false);
            return ExitCode(report);
        });

    public static int ExitCode(AccessReport report) =>
        report.Denied.Any() ? ExitCodes.Partial : report.Errors.Any() ? ExitCodes.Error : ExitCodes.Ok;

    public static string Render(AccessReport report)
    {
        var width = report.Results.Max(r => r.Action.Length);
        var text = new System.Text.StringBuilder();
        foreach (var r in report.Results)
        {
            var label = r.Status switch
            {
                AccessStatus.Permitted => "permitted",
                AccessStatus.Denied => "DENIED",
                AccessStatus.Error => "ERROR",
                _ => "not checked",
            };
            text.Append($"{label,-12} {r.Action.PadRight(width)}  {(r.Status == AccessStatus.Permitted ? r.Call : r.Detail)}\n");
            if (r.Status is AccessStatus.Denied or AccessStatus.Error)
            {
                foreach (var loss in r.Removes)
                {
                    text.Append($"{"",-12} {"".PadRight(width)}  the report loses {loss}\n");
                }
            }
        }

        var counts = report.Results.GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        int Count(AccessStatus s) => counts.GetValueOrDefault(s);
        text.Append($"\n{Count(AccessStatus.Permitted)} permitted, {Count(AccessStatus.Denied)} denied, {Count(AccessStatus.Error)} failed, {Count(AccessStatus.NotChecked)} not checked\n");
        text.Append(report.Denied.Any()
            ? "A scan with this role would be incomplete: grant the denied actions (finops-pack policy prints the exact policy).\n"
            : report.Errors.Any()
                ? "Some calls failed for reasons other than permissions: run check-access again.\n"
                : "A scan with this role would be complete" + (counts.ContainsKey(AccessStatus.NotChecked) ? " (for the actions checked).\n" : ".\n"));
        return text.ToString();
    }
}
