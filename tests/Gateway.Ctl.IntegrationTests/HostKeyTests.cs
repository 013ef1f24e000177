using Gateway.Ctl.Commands.Field;

namespace Gateway.Ctl.IntegrationTests;

/// <summary>
/// Host key checking against the loopback sshd with an OpenSSH known_hosts file: unknown hosts are refused with the
/// fingerprint and a hint, --accept-new records them, a changed or revoked key is refused always.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[Collection(LoopbackDeviceGroup.Name)]
public sealed class HostKeyTests : IDisposable
{
    private readonly PackageFixture _packages;
    private readonly LoopbackDevice _device;
    private readonly string _folder = Directory.CreateTempSubdirectory("gatewayctl-known-hosts-").FullName;

    private readonly Xunit.Abstractions.ITestOutputHelper _log;

    public HostKeyTests(PackageFixture packages, LoopbackDevice device, Xunit.Abstractions.ITestOutputHelper log)
    {
        _log = log;
        _packages = packages;
        _device = device;
        device.ResetSandbox();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The device's options without the --host-key pin.</summary>
    private string[] Unpinned
    {
        get
        {
            var args = _device.SshArgs.ToList();
            args.RemoveRange(args.IndexOf("--host-key"), 2);
            return [.. args];
        }
    }

    private string HostKeyBase64 => _device.HostPublicKey.Split(' ')[1];

    private Task<(int ExitCode, string Output, string Console)> DryRunAsync(string knownHosts, params string[] extra) =>
        Ctl.RunAsync(["flash", .. Unpinned, "--known-hosts", knownHosts, "--board", "bench", "--package", _packages.Good,
            "--remote-dir", _device.PackagesDir, "--dry-run", .. extra]);

    [Fact]
    public async Task UnknownHost_RefusedWithFingerprintAndHint_FileUntouched()
    {
        var knownHosts = Path.Combine(_folder, "known_hosts");
        await File.WriteAllTextAsync(knownHosts, "# nothing yet\n[127.0.0.1]:1 ssh-ed25519 " + HostKeyBase64 + "\n");

        var (exitCode, _, wrapped) = await DryRunAsync(knownHosts);

        // Spectre wraps long lines at the console width.
        _log.WriteLine(wrapped);
        var console = System.Text.RegularExpressions.Regex.Replace(wrapped, @"\s+", " ");
        Assert.Equal(FieldExitCodes.Unreachable, exitCode);
        Assert.Contains($"error: 127.0.0.1:{_device.SshPort}: host key ssh-ed25519 {_device.HostKeyFingerprint} is not known", console, StringComparison.Ordinal);
        Assert.Contains("hint: compare it with 'ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub' on the device, then run again with --accept-new", console, StringComparison.Ordinal);
        Assert.Contains($"--host-key {_device.HostKeyFingerprint}", console, StringComparison.Ordinal);
        Assert.Equal("# nothing yet\n[127.0.0.1]:1 ssh-ed25519 " + HostKeyBase64 + "\n", await File.ReadAllTextAsync(knownHosts));
        Assert.DoesNotContain("checked", console, StringComparison.Ordinal);

        // status and logs go through the same check.
        var status = await Ctl.RunAsync(["status", .. Unpinned, "--known-hosts", knownHosts]);
        Assert.Equal(FieldExitCodes.Unreachable, status.ExitCode);
        Assert.Contains("is not known", status.Console, StringComparison.Ordinal);
        var logs = await Ctl.RunAsync(["logs", .. Unpinned, "--known-hosts", Path.Combine(_folder, "missing")]);
        Assert.Equal(FieldExitCodes.Unreachable, logs.ExitCode);
        Assert.Contains("is not known", logs.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AcceptNew_RecordsTheKeyOnce_ThenTheHostIsKnown()
    {
        var knownHosts = Path.Combine(_folder, "fresh", ".ssh", "known_hosts");

        var first = await DryRunAsync(knownHosts, "--accept-new");

        Assert.True(first.ExitCode == FieldExitCodes.Ok, first.Console);
        Assert.Contains($"new host key {_device.HostKeyFingerprint} recorded in {knownHosts} (--accept-new)", first.Console, StringComparison.Ordinal);
        Assert.Equal($"{_device.KnownHostsName} ssh-ed25519 {HostKeyBase64}\n", await File.ReadAllTextAsync(knownHosts));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(knownHosts));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(knownHosts)!));

        var second = await DryRunAsync(knownHosts);

        Assert.True(second.ExitCode == FieldExitCodes.Ok, second.Console);
        Assert.DoesNotContain("recorded", second.Console, StringComparison.Ordinal);
        Assert.Single(await File.ReadAllLinesAsync(knownHosts));

        // OpenSSH agrees with what was written.
        var (found, lines) = await Ctl.ToolAsync("ssh-keygen", "-F", _device.KnownHostsName, "-f", knownHosts);
        Assert.Equal(0, found);
        Assert.Contains(HostKeyBase64, lines, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangedKey_RefusedEvenWithAcceptNew_FileUntouched()
    {
        var knownHosts = Path.Combine(_folder, "known_hosts");
        var other = (await File.ReadAllTextAsync(_device.OtherKey + ".pub")).Split(' ')[1];
        var text = $"{_device.KnownHostsName} ssh-ed25519 {other}\n";
        await File.WriteAllTextAsync(knownHosts, text);

        var (exitCode, _, wrapped) = await DryRunAsync(knownHosts, "--accept-new");

        var console = System.Text.RegularExpressions.Regex.Replace(wrapped, @"\s+", " ");
        Assert.Equal(FieldExitCodes.Unreachable, exitCode);
        Assert.Contains($"HOST KEY CHANGED: it presents ssh-ed25519 {_device.HostKeyFingerprint}, but {knownHosts} line 1 holds another ssh-ed25519 key", console, StringComparison.Ordinal);
        Assert.Contains($"ssh-keygen -R \"{_device.KnownHostsName}\" -f {knownHosts}", console, StringComparison.Ordinal);
        Assert.Equal(text, await File.ReadAllTextAsync(knownHosts));

        var status = await Ctl.RunAsync(["status", .. Unpinned, "--known-hosts", knownHosts, "--accept-new"]);
        Assert.Equal(FieldExitCodes.Unreachable, status.ExitCode);
        Assert.Contains("HOST KEY CHANGED", status.Console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokedKey_RefusedAlthoughAlsoListed()
    {
        var knownHosts = Path.Combine(_folder, "known_hosts");
        await File.WriteAllTextAsync(knownHosts, $"{_device.KnownHostsName} ssh-ed25519 {HostKeyBase64}\n@revoked * ssh-ed25519 {HostKeyBase64}\n");

        var (exitCode, _, console) = await DryRunAsync(knownHosts);

        Assert.Equal(FieldExitCodes.Unreachable, exitCode);
        Assert.Contains($"is marked @revoked in {knownHosts} line 2", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HashedEntryFromSshKeyscan_IsKnown()
    {
        // What 'ssh-keyscan -H' (and HashKnownHosts yes) writes: |1|salt|HMAC-SHA1 names, nothing readable.
        var (exitCode, scanned) = await Ctl.ToolAsync("ssh-keyscan", "-H", "-t", "ed25519", "-p", _device.SshPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "127.0.0.1");
        Assert.Equal(0, exitCode);
        var line = scanned.Split('\n').Single(l => l.StartsWith("|1|", StringComparison.Ordinal));
        var knownHosts = Path.Combine(_folder, "known_hosts");
        await File.WriteAllTextAsync(knownHosts, line + "\n");

        var (flashExit, output, console) = await DryRunAsync(knownHosts);

        Assert.True(flashExit == FieldExitCodes.Ok, console);
        Assert.Contains("checked", output, StringComparison.Ordinal);
        Assert.Equal(line + "\n", await File.ReadAllTextAsync(knownHosts));
    }

    [Fact]
    public async Task HostKeyNotAFingerprint_UsageError()
    {
        var args = _device.SshArgs.ToArray();
        args[Array.IndexOf(args, "--host-key") + 1] = "ab:cd:ef";

        var (exitCode, _, console) = await Ctl.RunAsync(["status", .. args]);

        Assert.Equal(GatewayCtlApp.UsageError, exitCode);
        Assert.Contains("--host-key must be a SHA256 fingerprint", console, StringComparison.Ordinal);
    }
}
