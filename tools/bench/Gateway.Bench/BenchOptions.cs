using System.Globalization;

namespace Gateway.Bench;

/// <summary>
/// The bench's command line: <c>gateway-bench --gateway DLL [--board B] [--api-port N] [--sip-port N] [--demo] [--run-dir D]</c>,
/// or the side-by-side suite: <c>--perf [--smoke] [--cases abcdefgh] [--call-window SECONDS] [--json FILE] [--report FILE] [--aot-gateway EXE]</c>.
/// </summary>
internal sealed record BenchOptions
{
    public required string GatewayDll { get; init; }

    public string Board { get; init; } = "bench";

    public int ApiPort { get; init; } = 8080;

    public int ServerPort { get; init; } = 5060;

    public bool Demo { get; init; }

    /// <summary>Gets a value indicating whether to run the side-by-side performance suite instead of the bench.</summary>
    public bool Perf { get; init; }

    /// <summary>Gets a value indicating whether the suite runs its short smoke version (a few seconds per case).</summary>
    public bool Smoke { get; init; }

    /// <summary>Gets the suite's cases to run (letters a-h); all of them by default.</summary>
    public string PerfCases { get; init; } = "abcdefgh";

    /// <summary>Gets the call window of cases b and c (e.g. 600 s for the 10-minute pacing run); null keeps the run's default.</summary>
    public TimeSpan? CallWindow { get; init; }

    public string? JsonPath { get; init; }

    public string? ReportPath { get; init; }

    /// <summary>Gets the NativeAOT-published gateway executable, when one was built; the suite then measures it too.</summary>
    public string? AotGateway { get; init; }

    public string RunDirectory { get; init; } = Path.GetFullPath(".run/bench");

    public string RepositoryRoot { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Parses the arguments; a problem is returned as text for a one-line error and exit code 2.</summary>
    public static (BenchOptions? Options, string? Problem) Parse(string[] args)
    {
        string? gateway = null;
        var options = new BenchOptions { GatewayDll = string.Empty };
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--gateway" when value is not null:
                    gateway = Path.GetFullPath(value);
                    i++;
                    break;
                case "--board" when value is not null:
                    options = options with { Board = value };
                    i++;
                    break;
                case "--api-port" when TryPort(value, out var api):
                    options = options with { ApiPort = api };
                    i++;
                    break;
                case "--sip-port" when TryPort(value, out var sip):
                    options = options with { ServerPort = sip };
                    i++;
                    break;
                case "--run-dir" when value is not null:
                    options = options with { RunDirectory = Path.GetFullPath(value) };
                    i++;
                    break;
                case "--demo":
                    options = options with { Demo = true };
                    break;
                case "--perf":
                    options = options with { Perf = true };
                    break;
                case "--smoke":
                    options = options with { Smoke = true };
                    break;
                case "--cases" when value is not null && value.Length > 0 && value.All(c => c is >= 'a' and <= 'h' or ','):
                    options = options with { PerfCases = value };
                    i++;
                    break;
                case "--call-window" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 3600:
                    options = options with { CallWindow = TimeSpan.FromSeconds(seconds) };
                    i++;
                    break;
                case "--json" when value is not null:
                    options = options with { JsonPath = Path.GetFullPath(value) };
                    i++;
                    break;
                case "--report" when value is not null:
                    options = options with { ReportPath = Path.GetFullPath(value) };
                    i++;
                    break;
                case "--aot-gateway" when value is not null:
                    options = options with { AotGateway = Path.GetFullPath(value) };
                    i++;
                    break;
                default:
                    return (null, $"unknown or incomplete argument '{args[i]}'");
            }
        }

        if (gateway is null || !File.Exists(gateway))
        {
            return (null, $"--gateway must name the built gateway.dll ({gateway ?? "missing"})");
        }

        return (options with { GatewayDll = gateway }, null);
    }

    private static bool TryPort(string? text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and < 65536;
}
