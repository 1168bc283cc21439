using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FinOpsPack.Tests.Testing;

/// <summary>
/// moto, the independent AWS emulator, on a free loopback port for one test class (xunit class fixture).
/// <see cref="Available"/> is false (with <see cref="Reason"/>) where moto is not installed; tests then skip visibly.
/// </summary>
public sealed class MotoServer : IDisposable
{
    private readonly Process? _process;

    public MotoServer()
    {
        Port = FreePort();
        try
        {
            _process = Process.Start(new ProcessStartInfo("python3", $"-m moto.server -H 127.0.0.1 -p {Port}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
        }
        catch (Exception e)
        {
            Reason = "python3 could not be started: " + e.Message;
            return;
        }

        _process!.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Available = WaitUntilUp(TimeSpan.FromSeconds(30));
        if (!Available)
        {
            Reason = _process.HasExited ? "moto is not installed (python3 -m moto.server exited)" : "moto did not answer within 30 s";
        }
    }

    public int Port { get; }
    public bool Available { get; }
    public string? Reason { get; }
    public Uri Endpoint => new($"http://127.0.0.1:{Port}");

    /// <summary>Runs a boto3 seeding script against this server (AWS_ENDPOINT_URL set, dummy credentials, us-east-1).</summary>
    public string RunPython(string script)
    {
        var psi = new ProcessStartInfo("python3", "-")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment["AWS_ENDPOINT_URL"] = Endpoint.ToString().TrimEnd('/');
        psi.Environment["AWS_ACCESS_KEY_ID"] = "testing";
        psi.Environment["AWS_SECRET_ACCESS_KEY"] = "testing";
        psi.Environment["AWS_DEFAULT_REGION"] = "us-east-1";
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(script);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(true);
            throw new TimeoutException("seeding script timed out");
        }

        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException("seeding script failed: " + stderr.Result);
        }

        return stdout.Result;
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
    }

    private bool WaitUntilUp(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        while (DateTime.UtcNow < deadline && _process is { HasExited: false })
        {
            try
            {
                using var r = http.GetAsync(new Uri(Endpoint, "/moto-api/")).GetAwaiter().GetResult();
                return true;
            }
            catch (HttpRequestException)
            {
                Thread.Sleep(200);
            }
            catch (TaskCanceledException)
            {
                Thread.Sleep(200);
            }
        }

        return false;
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
