using FinOpsPack.Core.Aws;
using FinOpsPack.Core.Scanning;

namespace FinOpsPack.Cli;

/// <summary>Turns any failure into one line on stderr and a documented exit code. Stack traces only with FINOPS_PACK_DEBUG=1.</summary>
public static class CliErrors
{
    public static async Task<int> GuardAsync(ConsoleStreams io, Func<Task<int>> run)
    {
        try
        {
            return await run().ConfigureAwait(false);
        }
        catch (UserInputException e)
        {
            await io.Err.WriteLineAsync("error: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (AccessException e)
        {
            await io.Err.WriteLineAsync("access denied: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Access;
        }
        catch (OperationCanceledException)
        {
            await io.Err.WriteLineAsync("cancelled").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (Exception e)
        {
            var debug = Environment.GetEnvironmentVariable("FINOPS_PACK_DEBUG") == "1";
            await io.Err.WriteLineAsync("error: " + (debug ? e.ToString() : e.Message.ReplaceLineEndings(" "))).ConfigureAwait(false);
            return ExitCodes.Error;
        }
    }
}
