using System.CommandLine;

namespace FinOpsPack.Cli.Commands.Demo;

public static class DemoCommand
{
    public static Command Create(ConsoleStreams io)
    {
        var output = new Option<string>("--out") { Description = "Output directory", DefaultValueFactory = _ => "finops-pack-demo" };
        var serve = new Option<bool>("--serve") { Description = "Keep the sample account running and print how to scan it, until Ctrl-C" };
        var port = new Option<int>("--port") { Description = "Port for --serve (default: a free one)" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress output" };
        var command = new Command("demo", "Run the real scan pipeline against the built-in sample AWS account on 127.0.0.1")
        {
            output, serve, port, quiet,
        };
        command.SetAction((parse, ct) =>
        {
            var handler = new DemoHandler(io, TimeProvider.System);
            return parse.GetValue(serve)
                ? handler.ServeAsync(parse.GetValue(port), ct)
                : handler.RunAsync(parse.GetValue(output)!, parse.GetValue(quiet), ct);
        });
        return command;
    }
}
