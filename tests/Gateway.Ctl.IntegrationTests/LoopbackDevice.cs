using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Ctl.IntegrationTests;

/// <summary>
/// This machine as a device: a real OpenSSH sshd on a free loopback port (throwaway host and client keys), whose
/// sessions get <see cref="Shims"/> first on PATH. The shims redirect the device-side commands flash runs into
/// <see cref="Root"/>: dpkg and dpkg-query use --root/--admindir (maintainer scripts run chrootless with DPKG_ROOT),
/// systemctl starts the installed unit's ExecStart as a background process, df can report a full disk.
/// Nothing touches the machine's own dpkg database, /usr/lib or /etc.
/// </summary>
public sealed class LoopbackDevice : IAsyncLifetime
{
    private readonly string _home = Directory.CreateTempSubdirectory("gatewayctl-device-").FullName;
    private Process? _sshd;

    public string Root => Path.Combine(_home, "root");

    public string Shims => Path.Combine(_home, "shims");

    public string ClientKey => Path.Combine(_home, "client_ed25519");

    public string OtherKey => Path.Combine(_home, "other_ed25519");

    public string PackagesDir => Path.Combine(Root, "var/lib/gateway/packages");

    public int SshPort { get; private set; }

    public int ApiPort { get; private set; }

    public string HostKeyFingerprint { get; private set; } = string.Empty;

    /// <summary>The folder of the keys, shims and sandbox (world-readable, so a throwaway non-root user can use it).</summary>
    public string Home => _home;

    /// <summary>The device's host public key as ssh-keygen wrote it: "ssh-ed25519 BASE64 comment".</summary>
    public string HostPublicKey => File.ReadAllText(Path.Combine(_home, "host_ed25519.pub")).Trim();

    /// <summary>The name ssh looks the device up by in known_hosts.</summary>
    public string KnownHostsName => $"[127.0.0.1]:{SshPort}";

    /// <summary>The options every flash/status/logs call against this device needs.</summary>
    public string[] SshArgs => ["--host", "127.0.0.1", "--port", SshPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--user", "root", "--key", ClientKey,
        "--api-port", ApiPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--host-key", HostKeyFingerprint];

    public async Task InitializeAsync()
    {
        if (!File.Exists("/usr/sbin/sshd"))
        {
            throw new InvalidOperationException("openssh-server is not installed (build.ps1 installs it: apt-get install openssh-server)");
        }

        foreach (var key in new[] { "host_ed25519", "client_ed25519", "other_ed25519" })
        {
            await MustAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", string.Empty, "-C", "gatewayctl-test", "-f", Path.Combine(_home, key));
        }

        File.Copy(ClientKey + ".pub", Path.Combine(_home, "authorized_keys"));

        // sshd reads authorized_keys as the logging-in user, and the non-root flash test logs in as one.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_home, (UnixFileMode)0b111_101_101);
        }
        var (_, fingerprint) = await Ctl.ToolAsync("ssh-keygen", "-l", "-E", "sha256", "-f", Path.Combine(_home, "host_ed25519.pub"));
        HostKeyFingerprint = fingerprint.Split(' ')[1];
        WriteShims();
        ResetSandbox();

        // sshd's privilege separation needs its empty directory; it is created by the package's postinst normally.
        Directory.CreateDirectory("/run/sshd");
        SshPort = FreePort();
        var config = Path.Combine(_home, "sshd_config");
        await File.WriteAllTextAsync(config, $"""
            Port {SshPort}
            ListenAddress 127.0.0.1
            HostKey {_home}/host_ed25519
            AuthorizedKeysFile {_home}/authorized_keys
            PidFile {_home}/sshd.pid
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitRootLogin prohibit-password
            StrictModes no
            UsePAM no
            AllowTcpForwarding local
            Subsystem sftp {Shims}/sftp-server
            SetEnv PATH={Shims}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin DEVICE_ROOT={Root}

            """);
        var start = new ProcessStartInfo("/usr/sbin/sshd") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var arg in new[] { "-D", "-e", "-f", config })
        {
            start.ArgumentList.Add(arg);
        }

        _sshd = Process.Start(start)!;
        _sshd.ErrorDataReceived += (_, _) => { };
        _sshd.BeginErrorReadLine();
        _sshd.BeginOutputReadLine();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, SshPort);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("sshd did not listen within 10 s");
    }

    /// <summary>An empty device: no gateway installed, no packages, fresh dpkg database and user files.</summary>
    public void ResetSandbox()
    {
        StopGateway();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }

        foreach (var dir in new[] { "var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers", "etc", "run" })
        {
            Directory.CreateDirectory(Path.Combine(Root, dir));
        }

        File.WriteAllText(Path.Combine(Root, "var/lib/dpkg/status"), string.Empty);
        File.WriteAllText(Path.Combine(Root, "var/lib/dpkg/available"), string.Empty);
        foreach (var file in new[] { "passwd", "group", "shadow", "gshadow", "login.defs" })
        {
            if (File.Exists("/etc/" + file))
            {
                File.Copy("/etc/" + file, Path.Combine(Root, "etc", file));
            }
        }

        ApiPort = FreePort();
        File.WriteAllText(Path.Combine(Root, "api-port"), ApiPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>Makes the df shim report this much free space (null: the real df).</summary>
    public void SetFreeKiB(long? kib)
    {
        var path = Path.Combine(Root, "df-avail-kib");
        if (kib is null)
        {
            File.Delete(path);
        }
        else
        {
            File.WriteAllText(path, kib.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Cuts the next SFTP session after <paramref name="bytes"/> of the client's stream: <c>connection</c> kills every
    /// session's sshd process (a network failure), <c>channel</c> ends only the sftp-server (the SSH connections stay).
    /// Null: no cut.
    /// </summary>
    public void SetSftpCut(long? bytes, string how = "connection")
    {
        var path = Path.Combine(Root, "sftp-cut");
        if (bytes is null)
        {
            File.Delete(path);
        }
        else
        {
            File.WriteAllText(path, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes.Value} {how}\n"));
        }
    }

    /// <summary>The pid of the gateway the systemctl shim started, or null.</summary>
    public int? GatewayPid()
    {
        var pidFile = Path.Combine(Root, "run/gateway.pid");
        return File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) ? pid : null;
    }

    /// <summary>The installed package's version in the sandbox dpkg database, or null.</summary>
    public async Task<string?> InstalledVersionAsync()
    {
        var (exitCode, output) = await Ctl.ToolAsync("dpkg-query", "--admindir", Path.Combine(Root, "var/lib/dpkg"), "-W", "-f=${Version} ${db:Status-Abbrev}", "gateway");
        return exitCode == 0 ? output.Trim() : null;
    }

    public Task DisposeAsync()
    {
        StopGateway();
        if (_sshd is { HasExited: false })
        {
            _sshd.Kill();
            _sshd.WaitForExit(5000);
        }

        _sshd?.Dispose();
        Directory.Delete(_home, recursive: true);
        return Task.CompletedTask;
    }

    private void StopGateway()
    {
        var pidFile = Path.Combine(Root, "run/gateway.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
    }

    private void WriteShims()
    {
        Directory.CreateDirectory(Shims);
        Shim("dpkg", """
            #!/bin/sh
            # Test shim: dpkg acting on $DEVICE_ROOT; maintainer scripts run chrootless and see DPKG_ROOT.
            case "$1" in --print-architecture) exec /usr/bin/dpkg "$@";; esac
            exec /usr/bin/dpkg --root="$DEVICE_ROOT" --force-script-chrootless --force-depends "$@"
            """);
        Shim("dpkg-query", """
            #!/bin/sh
            exec /usr/bin/dpkg-query --admindir="$DEVICE_ROOT/var/lib/dpkg" "$@"
            """);
        Shim("df", """
            #!/bin/sh
            # Test shim: a full disk on request.
            if [ -f "$DEVICE_ROOT/df-avail-kib" ]; then
                echo "Filesystem 1024-blocks Used Available Capacity Mounted on"
                echo "/dev/fake 1000000 999000 $(cat "$DEVICE_ROOT/df-avail-kib") 99% /"
                exit 0
            fi
            exec /bin/df "$@"
            """);
        Shim("sftp-server", """
            #!/bin/sh
            # Test shim for sshd's sftp subsystem: with $DEVICE_ROOT/sftp-cut ("BYTES connection|channel"), the client's
            # SFTP stream is cut after BYTES: 'connection' kills every session's sshd process (as a network failure
            # would end them), 'channel' ends only the sftp-server. The cut is one-shot: the file is removed.
            plan="$DEVICE_ROOT/sftp-cut"
            [ -f "$plan" ] || exec /usr/lib/openssh/sftp-server
            read -r limit how < "$plan"; rm -f "$plan"
            # The listener is the topmost sshd ancestor; a network failure ends all of its sessions (flash holds two:
            # the shell and the SFTP connection), so all of its children go.
            pid=$$; listener=""
            while [ "$pid" -gt 1 ]; do
                if [ "$(cat /proc/$pid/comm)" = sshd ]; then listener=$pid; fi
                pid=$(cut -d' ' -f4 /proc/$pid/stat)
            done
            # dd, not head: head's stdio buffer would hold back the client's first small packets.
            if [ "$how" = connection ]; then
                { dd bs=64K count="$limit" iflag=count_bytes status=none; kill -9 $(ps -o pid= --ppid "$listener"); } | /usr/lib/openssh/sftp-server
            else
                dd bs=64K count="$limit" iflag=count_bytes status=none | /usr/lib/openssh/sftp-server
            fi
            """);
        Shim("systemctl", """
            #!/bin/sh
            # Test shim: 'systemctl restart gateway.service' runs the installed unit's ExecStart (paths moved under
            # $DEVICE_ROOT) in the background with the unit's board environment, on the sandbox's API port.
            R="$DEVICE_ROOT"; PIDFILE="$R/run/gateway.pid"
            stop() {
                [ -f "$PIDFILE" ] || return 0
                pid="$(cat "$PIDFILE")"; kill "$pid" 2>/dev/null
                for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
                kill -9 "$pid" 2>/dev/null; rm -f "$PIDFILE"
            }
            start() {
                unit="$R/lib/systemd/system/gateway.service"
                [ -f "$unit" ] || { echo "Unit gateway.service not found." >&2; exit 5; }
                cmd="$(sed -n 's/^ExecStart=//p' "$unit" | sed "s#/usr/lib/gateway#$R/usr/lib/gateway#g")"
                set -a; . "$R/etc/gateway/board.env"; set +a
                mkdir -p "$R/var/log/gateway"
                GATEWAY_CONFIG="$R/etc/gateway/gateway.json" setsid $cmd --port "$(cat "$R/api-port")" --log-dir "$R/var/log/gateway" \
                    --Gateway:Cards:Enabled=false > "$R/var/log/gateway/console.txt" 2>&1 < /dev/null &
                echo $! > "$PIDFILE"
            }
            case "$1" in
                restart) stop; start ;;
                start) start ;;
                stop) stop ;;
                *) exit 0 ;;
            esac
            """);
    }

    private void Shim(string name, string text)
    {
        var path = Path.Combine(Shims, name);
        File.WriteAllText(path, text + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, (UnixFileMode)0b111_101_101);
        }
    }

    private static async Task MustAsync(string file, params string[] args)
    {
        var (exitCode, output) = await Ctl.ToolAsync(file, args);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
