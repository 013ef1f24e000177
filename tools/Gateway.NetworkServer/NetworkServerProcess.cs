using System.Globalization;
using System.Text.RegularExpressions;

namespace Gateway.NetworkServer;

/// <summary>
/// A running follow-me network server (Kamailio 5.6) on loopback, started by
/// start-network-server.sh. Disposing always stops it: SIGTERM to the main
/// process, then SIGKILL to anything of it still alive.
/// </summary>
public sealed partial class NetworkServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan s_rpcTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_stopGrace = TimeSpan.FromSeconds(5);

    private readonly bool _ownsRunDirectory;
    private readonly IReadOnlyList<int> _children;
    private int _stopped;

    private NetworkServerProcess(
        NetworkServerOptions options, int port, string runDirectory, string databasePath, string realm, int processId, bool ownsRunDirectory)
    {
        Address = options.ListenAddress;
        Port = port;
        RunDirectory = runDirectory;
        DatabasePath = databasePath;
        Realm = realm;
        ProcessId = processId;
        _ownsRunDirectory = ownsRunDirectory;
        _children = ChildrenOf(processId);
    }

    /// <summary>The listen address.</summary>
    public string Address { get; }

    /// <summary>The SIP port (UDP and TCP).</summary>
    public int Port { get; }

    /// <summary>The runtime folder: kamailio.cfg copy, kamailio.log, control socket.</summary>
    public string RunDirectory { get; }

    /// <summary>The SQLite database.</summary>
    public string DatabasePath { get; }

    /// <summary>Digest realm and subscriber domain.</summary>
    public string Realm { get; }

    /// <summary>PID of Kamailio's main process.</summary>
    public int ProcessId { get; }

    /// <summary>Kamailio's log (stderr).</summary>
    public string LogPath => Path.Combine(RunDirectory, "kamailio.log");

    /// <summary>The binrpc control socket for kamcmd.</summary>
    public string ControlSocket => "unix:" + Path.Combine(RunDirectory, "kamailio_ctl");

    /// <summary>Starts Kamailio and waits until it answers on its control socket.</summary>
    /// <param name="options">Start options; null for all defaults.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server.</returns>
    public static async Task<NetworkServerProcess> StartAsync(NetworkServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new NetworkServerOptions();
        var port = options.Port == 0 ? LoopbackPorts.GetFree() : options.Port;
        var ownsRunDirectory = options.RunDirectory is null;
        var runDirectory = options.RunDirectory ?? Directory.CreateTempSubdirectory("network-server-").FullName;
        Directory.CreateDirectory(runDirectory);
        var databasePath = Path.GetFullPath(options.DatabasePath ?? Path.Combine(runDirectory, "network-server.db"));
        var realm = options.Realm ?? options.ListenAddress;
        var scripts = options.ScriptDirectory ?? Path.Combine(AppContext.BaseDirectory, "network-server");

        var arguments = new List<string>
        {
            Path.Combine(scripts, "start-network-server.sh"),
            "--ip", options.ListenAddress,
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--db", databasePath,
            "--rundir", runDirectory,
            "--pstn-uri", options.PstnUri ?? $"sip:{options.ListenAddress}:5090",
            "--realm", realm,
            "--usrloc-timer", options.UsrlocTimerSeconds.ToString(CultureInfo.InvariantCulture),
            "--nonce-expire", options.NonceExpireSeconds.ToString(CultureInfo.InvariantCulture),
            "--min-expires", options.MinExpiresSeconds.ToString(CultureInfo.InvariantCulture),
        };
        if (options.PstnSource is not null)
        {
            arguments.Add("--pstn-source");
            arguments.Add(options.PstnSource);
        }

        if (options.UseSha256)
        {
            arguments.Add("--sha256");
        }

        // bash, not the file itself: a copied script may have lost its execute bit.
        var (exitCode, output, error) = await CommandRunner.RunAsync("bash", arguments, options.StartTimeout, cancellationToken);
        var match = PidLine().Match(output);
        if (exitCode != 0 || !match.Success)
        {
            if (ownsRunDirectory)
            {
                TryDeleteDirectory(runDirectory);
            }

            throw new InvalidOperationException($"The network server did not start (exit {exitCode}).\n{output}\n{error}");
        }

        var pid = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return new NetworkServerProcess(options, port, runDirectory, databasePath, realm, pid, ownsRunDirectory);
    }

    /// <summary>A store for provisioning subscribers in this server's database.</summary>
    /// <returns>The store.</returns>
    public SubscriberStore CreateSubscriberStore() => new(DatabasePath, Realm);

    /// <summary>A store for device surcharges in this server's database.</summary>
    /// <returns>The store.</returns>
    public DeviceSurchargeStore CreateDeviceSurchargeStore() => new(DatabasePath);

    /// <summary>A reader for this server's accounting tables.</summary>
    /// <returns>The reader.</returns>
    public CdrReader CreateCdrReader() => new(DatabasePath);

    /// <summary>Runs a Kamailio RPC command through kamcmd.</summary>
    /// <param name="command">RPC method, e.g. <c>core.uptime</c>.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <returns>kamcmd's output.</returns>
    /// <exception cref="InvalidOperationException">The RPC failed (kamcmd exits 0 even then, so the output is checked).</exception>
    public async Task<string> InvokeRpcAsync(string command, params string[] arguments)
    {
        ArgumentException.ThrowIfNullOrEmpty(command);
        var (exitCode, output, error) = await CommandRunner.RunAsync(
            "kamcmd", ["-s", ControlSocket, command, .. arguments], s_rpcTimeout, CancellationToken.None);
        if (exitCode != 0 || output.StartsWith("error:", StringComparison.Ordinal) || error.Contains("error", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"kamcmd {command} failed: {output}{error}");
        }

        return output;
    }

    /// <summary>The contacts currently registered for a subscriber (from memory, not the database).</summary>
    /// <param name="username">The subscriber's SIP username (the AOR).</param>
    /// <returns>Contact URIs; empty if none.</returns>
    public async Task<IReadOnlyList<string>> GetContactsAsync(string username)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        string output;
        try
        {
            output = await InvokeRpcAsync("ul.lookup", "location", username);
        }
        catch (InvalidOperationException e) when (NoContacts().IsMatch(e.Message))
        {
            return [];
        }

        return [.. ContactAddress().Matches(output).Select(m => m.Groups[1].Value)];
    }

    /// <summary>Reads Kamailio's log so far, for test failure messages.</summary>
    /// <returns>The log text.</returns>
    public string ReadLog()
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>Stops Kamailio (SIGTERM, then SIGKILL after a grace period) and waits until all its processes are gone.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        var all = new List<int> { ProcessId };
        all.AddRange(_children);
        all.AddRange(ChildrenOf(ProcessId));
        await SignalAsync("TERM", [ProcessId]);

        var deadline = DateTime.UtcNow + s_stopGrace;
        while (DateTime.UtcNow < deadline && all.Any(IsAlive))
        {
            await Task.Delay(50);
        }

        var survivors = all.Where(IsAlive).Distinct().ToList();
        if (survivors.Count > 0)
        {
            await SignalAsync("KILL", survivors);

            // SIGKILL is delivered asynchronously; on a loaded machine a killed worker can take a moment to go,
            // and a caller that starts a new server on the same port must not race it.
            var killDeadline = DateTime.UtcNow + s_stopGrace;
            while (DateTime.UtcNow < killDeadline && survivors.Any(IsAlive))
            {
                await Task.Delay(20);
            }
        }
    }

    /// <summary>Stops Kamailio and deletes the temporary runtime folder if this object created it.</summary>
    /// <returns>A task that completes when done.</returns>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_ownsRunDirectory)
        {
            TryDeleteDirectory(RunDirectory);
        }
    }

    private static async Task SignalAsync(string signal, IReadOnlyCollection<int> pids)
    {
        try
        {
            await CommandRunner.RunAsync(
                "kill", ["-" + signal, .. pids.Select(p => p.ToString(CultureInfo.InvariantCulture))],
                s_rpcTimeout, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            // Nothing more can be done from here; IsAlive decides what is left.
        }
    }

    // A zombie counts as gone: it holds no socket and no database handle.
    private static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && state != "X";
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static List<int> ChildrenOf(int parent)
    {
        var children = new List<int>();
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(folder, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) == parent)
                {
                    children.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read, so not Kamailio's child either.
            }
        }

        return children;
    }

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing dispose is not.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }

    [GeneratedRegex(@"^PID (\d+)\s*$", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex PidLine();

    // "AOR not found in location table" or "AOR has no contacts".
    [GeneratedRegex("AOR (not found|has no contacts)", RegexOptions.CultureInvariant)]
    private static partial Regex NoContacts();

    [GeneratedRegex(@"Address:\s*(\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex ContactAddress();
}
