using System.Collections.Concurrent;
using FinOpsPack.Core.Collectors;
using Spectre.Console;

namespace FinOpsPack.Cli;

/// <summary>Live per-collector progress on a terminal: one line per collector and region, ticked off as each finishes.</summary>
public sealed class SpectreProgress(ProgressContext context) : IScanProgress
{
    private readonly ConcurrentDictionary<(string, string?), ProgressTask> _tasks = new();

    public static async Task<T> RunAsync<T>(TextWriter err, Func<IScanProgress, Task<T>> run)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(err) });
        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new SpinnerColumn(), new ElapsedTimeColumn())
            .StartAsync(ctx => run(new SpectreProgress(ctx)))
            .ConfigureAwait(false);
    }

    public void Started(string collector, string? region) =>
        _tasks[(collector, region)] = context.AddTask(Markup.Escape($"{collector} {region ?? "global"}"), maxValue: 1);

    public void Finished(CollectorOutcome outcome)
    {
        if (!_tasks.TryGetValue((outcome.Collector, outcome.Region), out var task))
        {
            return;
        }

        var colour = outcome.Status switch
        {
            CollectorStatus.Ok => "green",
            CollectorStatus.NotEnabled => "yellow",
            _ => "red",
        };
        task.Description = $"[{colour}]{Markup.Escape($"{outcome.Collector} {outcome.Region ?? "global"}: {outcome.Describe()}")}[/]";
        task.Value = 1;
        task.StopTask();
    }
}
