using System.Text.Json;
using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Report;
using FinOpsPack.Core.Scanning;
using RenderOptions = FinOpsPack.Core.Report.ReportOptions;

namespace FinOpsPack.Cli.Commands.Report;

/// <summary>Reads a scan.json and writes the report files; paths go to stdout, status to stderr.</summary>
public sealed class ReportHandler(ConsoleStreams io, TimeProvider time)
{
    public Task<int> RunAsync(ReportOptions options, CancellationToken ct) =>
        CliErrors.GuardAsync(io, async () =>
        {
            var input = Path.GetFullPath(options.Input);
            var output = Path.GetFullPath(options.Output);
            if (!File.Exists(input))
            {
                throw new UserInputException("scan file not found: " + options.Input);
            }

            if (options.Templates is { } templates && !Directory.Exists(templates))
            {
                throw new UserInputException("templates directory not found: " + templates);
            }

            if (options.Redact && string.Equals(input, Path.Combine(output, ReportWriter.ScanFile), StringComparison.Ordinal))
            {
                throw new UserInputException("--redact would overwrite the unredacted " + options.Input + "; choose another --out");
            }

            var scan = await ReadAsync(input, ct).ConfigureAwait(false);
            var files = await new ReportWriter(time).WriteAsync(scan, output, new RenderOptions(options.Templates, options.Redact), ct).ConfigureAwait(false);
            if (!options.Quiet)
            {
                await io.Err.WriteLineAsync(
                    $"Rendered {scan.Findings.Count} findings{(options.Redact ? " with identifiers pseudonymised" : "")} into {output}")
                    .ConfigureAwait(false);
            }

            foreach (var path in new[] { files.Html, files.Csv, files.ScanJson })
            {
                await io.Out.WriteLineAsync(path).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });

    private static async Task<ScanResult> ReadAsync(string path, CancellationToken ct)
    {
        try
        {
            return await ScanJson.ReadAsync(path, ct).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            throw new UserInputException(path + " is not a scan.json this version can read: " + e.Message);
        }
    }
}
