using System.Diagnostics;
using System.Globalization;

namespace FinOpsPack.Cli.Commands.Bench;

/// <summary>What the figures were measured on: cores, memory, CPU model and the load at the start, and which commit.</summary>
public static class BenchMachine
{
    public static string Describe()
    {
        var parts = new List<string> { $"{Environment.ProcessorCount} cores" };
        if (Field("/proc/meminfo", "MemTotal:") is { } kb && long.TryParse(kb.Split(' ')[0], CultureInfo.InvariantCulture, out var total))
        {
            parts.Add($"{total / 1024.0 / 1024.0:0.0} GiB");
        }

        if (Field("/proc/cpuinfo", "model name") is { } model)
        {
            parts.Add(model.TrimStart(':', ' '));
        }

        if (Read("/proc/loadavg") is { } load)
        {
            parts.Add("load " + string.Join(' ', load.Split(' ').Take(3)));
        }

        parts.Add(Environment.OSVersion.VersionString);
        parts.Add(".NET " + Environment.Version);
        return string.Join(", ", parts);
    }

    /// <summary>The short commit hash (with <c>+dirty</c> for uncommitted changes), or "unknown" outside a git checkout.</summary>
    public static string Commit()
    {
        var head = Git("rev-parse", "--short", "HEAD");
        if (head is null)
        {
            return "unknown";
        }

        return string.IsNullOrWhiteSpace(Git("status", "--porcelain", "--untracked-files=no")) ? head : head + "+dirty";
    }

    private static string? Git(params string[] arguments)
    {
        try
        {
            // From the tool's own directory: the benchmark is often run from elsewhere, the build output sits in the checkout.
            var start = new ProcessStartInfo("git")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return null;
            }

            var text = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return process.ExitCode == 0 ? text : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    private static string? Read(string path)
    {
        try
        {
            return File.ReadAllText(path).Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static string? Field(string path, string name)
    {
        try
        {
            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
            return line?[name.Length..].Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }
}
