namespace FinOpsPack.Cli;

/// <summary>Data and paths go to <see cref="Out"/>, progress and status to <see cref="Err"/> (gh's IOStreams).</summary>
public sealed record ConsoleStreams(TextWriter Out, TextWriter Err, bool IsInteractive)
{
    public static ConsoleStreams System() => new(
        Console.Out,
        Console.Error,
        !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null or "" or "false");

    public static ConsoleStreams ForTest() => new(new StringWriter(), new StringWriter(), false);
}
