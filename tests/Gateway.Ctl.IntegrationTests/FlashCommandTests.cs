using System.Diagnostics;
using Gateway.Ctl.Commands.Field;
using Xunit.Abstractions;

namespace Gateway.Ctl.IntegrationTests;

/// <summary>flash against the loopback sshd "device" (see <see cref="LoopbackDevice"/> for the sandbox shims).</summary>
[Collection(LoopbackDeviceGroup.Name)]
public sealed class FlashCommandTests : IDisposable
{
    private readonly PackageFixture _packages;
    private readonly LoopbackDevice _device;
    private readonly ITestOutputHelper _log;

    public FlashCommandTests(PackageFixture packages, LoopbackDevice device, ITestOutputHelper log)
    {
        _packages = packages;
        _device = device;
        _log = log;
        device.ResetSandbox();
    }

    public void Dispose() => _device.ResetSandbox();

    private Task<(int ExitCode, string Output, string Console)> FlashAsync(string package, params string[] extra) =>
        Ctl.RunAsync(["flash", .. _device.SshArgs, "--board", "bench", "--package", package, "--remote-dir", _device.PackagesDir, "--health-timeout", "90", .. extra]);

    private string[] PackageFiles() => Directory.Exists(_device.PackagesDir) ? [.. Directory.GetFiles(_device.PackagesDir).Select(Path.GetFileName).Order()!] : [];

    [Fact]
    public async Task Flash_FreshDevice_InstallsStartsAndPassesHealthCheck()
    {
        var clock = Stopwatch.StartNew();
        var (exitCode, output, console) = await FlashAsync(_packages.Good);
        clock.Stop();
        _log.WriteLine($"flash of {new FileInfo(_packages.Good).Length / 1024} KiB over loopback: {clock.Elapsed.TotalSeconds:F1} s (upload, dpkg -i, restart, health)\n{output}\n{console}");

        Assert.True(exitCode == FieldExitCodes.Ok, console);
        Assert.Contains("installed in", output, StringComparison.Ordinal);
        Assert.Contains("gateway 0.1.0 runs board bench (fresh install before)", output, StringComparison.Ordinal);
        Assert.Contains("uploaded and verified", console, StringComparison.Ordinal);
        Assert.Equal("0.1.0 ii", await _device.InstalledVersionAsync());
        Assert.Equal("GATEWAY_Gateway__Board=bench\n", await File.ReadAllTextAsync(Path.Combine(_device.Root, "etc/gateway/board.env")));
        Assert.Contains("\ngateway:", await File.ReadAllTextAsync(Path.Combine(_device.Root, "etc/passwd")), StringComparison.Ordinal);
        Assert.Equal(["gateway_0.1.0_all.deb", "installed"], PackageFiles());
        Assert.Equal("gateway_0.1.0_all.deb\n", await File.ReadAllTextAsync(Path.Combine(_device.PackagesDir, "installed")));

        // status and logs over the same SSH route.
        var status = await Ctl.RunAsync(["status", .. _device.SshArgs]);
        Assert.Equal(0, status.ExitCode);
        Assert.Contains("station-1", status.Output, StringComparison.Ordinal);
        var logs = await Ctl.RunAsync(["logs", .. _device.SshArgs, "--path", Path.Combine(_device.Root, "var/log/gateway/gateway*.log"), "--lines", "50"]);
        Assert.True(logs.ExitCode == 0, logs.Console);
        Assert.Contains("starting on board bench", logs.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flash_BrokenPackage_RollsBackToPreviousAndItIsHealthy()
    {
        Assert.Equal(0, (await FlashAsync(_packages.Good)).ExitCode);

        var (exitCode, output, console) = await Ctl.RunAsync(["flash", .. _device.SshArgs, "--board", "bench", "--package", _packages.Broken,
            "--remote-dir", _device.PackagesDir, "--health-timeout", "30"]);
        _log.WriteLine(output + console);

        Assert.Equal(FieldExitCodes.RolledBack, exitCode);
        Assert.Contains("rolling back to gateway_0.1.0_all.deb", console, StringComparison.Ordinal);
        Assert.Contains("gateway_0.1.0_all.deb restored and healthy", output, StringComparison.Ordinal);
        Assert.Equal("0.1.0 ii", await _device.InstalledVersionAsync());
        Assert.Equal("gateway_0.1.0_all.deb\n", await File.ReadAllTextAsync(Path.Combine(_device.PackagesDir, "installed")));
        var status = await Ctl.RunAsync(["status", .. _device.SshArgs, "--json"]);
        Assert.Contains("\"version\":\"0.1.0\"", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flash_WrongArchitecture_OneLineAndHintDeviceUntouched()
    {
        var (exitCode, _, console) = await FlashAsync(_packages.Arm64);

        Assert.Equal(FieldExitCodes.Failed, exitCode);
        Assert.Contains("error: 127.0.0.1:", console, StringComparison.Ordinal);
        Assert.Contains("device is amd64, package is arm64", console, StringComparison.Ordinal);
        Assert.Contains("hint: build with --rid linux-x64", console, StringComparison.Ordinal);
        Assert.Null(await _device.InstalledVersionAsync());
        Assert.Empty(PackageFiles());
    }

    [Fact]
    public async Task Flash_WrongBoard_RefusedBeforeUpload()
    {
        var (exitCode, _, console) = await FlashAsync(_packages.Rpi5Only);

        Assert.Equal(FieldExitCodes.Failed, exitCode);
        Assert.Contains("carries boards [rpi5-bay4], not 'bench'", console, StringComparison.Ordinal);
        Assert.Contains("hint: build one for this board: gatewayctl package --rid ... --board bench", console, StringComparison.Ordinal);
        Assert.Null(await _device.InstalledVersionAsync());
        Assert.Empty(PackageFiles());
    }

    [Fact]
    public async Task Flash_FullDisk_RefusedNothingUploaded()
    {
        _device.SetFreeKiB(1024);

        var (exitCode, _, console) = await FlashAsync(_packages.Good);

        Assert.Equal(FieldExitCodes.Failed, exitCode);
        Assert.Contains("only 1 MiB free", console, StringComparison.Ordinal);
        Assert.Contains("hint: free space on the device", console, StringComparison.Ordinal);
        Assert.Null(await _device.InstalledVersionAsync());
        Assert.Empty(PackageFiles());
    }

    [Fact]
    public async Task Flash_UnreachableHost_ExitCode3WithHint()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exitCode, _, console) = await Ctl.RunAsync("flash", "--host", "127.0.0.1", "--port", closedPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--key", _device.ClientKey, "--board", "bench", "--package", _packages.Good);

        Assert.Equal(FieldExitCodes.Unreachable, exitCode);
        Assert.Contains($"error: 127.0.0.1:{closedPort}: cannot connect", console, StringComparison.Ordinal);
        Assert.Contains("hint: check the address, the SSH port (--port)", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flash_WrongKey_AuthenticationFailedDeviceUntouched()
    {
        var args = _device.SshArgs.ToArray();
        args[Array.IndexOf(args, "--key") + 1] = _device.OtherKey;

        var (exitCode, _, console) = await Ctl.RunAsync(["flash", .. args, "--board", "bench", "--package", _packages.Good, "--remote-dir", _device.PackagesDir]);

        Assert.Equal(FieldExitCodes.Unreachable, exitCode);
        Assert.Contains("authentication failed for user 'root'", console, StringComparison.Ordinal);
        Assert.Contains("hint: check --user and --key", console, StringComparison.Ordinal);
        Assert.Empty(PackageFiles());
    }

    [Fact]
    public async Task Flash_WrongHostKey_Refused()
    {
        var args = _device.SshArgs.ToArray();
        args[Array.IndexOf(args, "--host-key") + 1] = "SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

        var (exitCode, _, console) = await Ctl.RunAsync(["flash", .. args, "--board", "bench", "--package", _packages.Good, "--remote-dir", _device.PackagesDir]);

        Assert.Equal(FieldExitCodes.Unreachable, exitCode);
        Assert.Contains("does not match --host-key", console, StringComparison.Ordinal);
        Assert.Empty(PackageFiles());
    }

    [Fact]
    public async Task Flash_InterruptedUploadLeftover_NextFlashInstallsVerifiedFile()
    {
        // What an upload cut off half-way leaves: a partial temporary file, never the final name.
        Directory.CreateDirectory(_device.PackagesDir);
        var partial = Path.Combine(_device.PackagesDir, ".gateway_0.1.0_all.deb.partial");
        await File.WriteAllBytesAsync(partial, (await File.ReadAllBytesAsync(_packages.Good))[..4096]);

        var (exitCode, _, console) = await FlashAsync(_packages.Good);

        Assert.True(exitCode == FieldExitCodes.Ok, console);
        Assert.False(File.Exists(partial));
        Assert.Equal(await File.ReadAllBytesAsync(_packages.Good), await File.ReadAllBytesAsync(Path.Combine(_device.PackagesDir, "gateway_0.1.0_all.deb")));
    }

    [Fact]
    public async Task Flash_DryRun_ChecksAndChangesNothing()
    {
        var (exitCode, output, console) = await FlashAsync(_packages.Good, "--dry-run");

        Assert.True(exitCode == FieldExitCodes.Ok, console);
        Assert.Contains("checked", output, StringComparison.Ordinal);
        Assert.Contains("would install 0.1.0 for board bench (installed: none, rollback file: none)", output, StringComparison.Ordinal);
        Assert.Null(await _device.InstalledVersionAsync());
        Assert.False(Directory.Exists(_device.PackagesDir));
    }

    [Fact]
    public async Task Flash_HostsFile_SummaryTableWorstExitCode()
    {
        var hosts = Path.Combine(_device.Root, "hosts.txt");
        await File.WriteAllTextAsync(hosts, $"# site A\n127.0.0.1:{_device.SshPort} bench\n127.0.0.1:1 bench   # nothing listens on port 1\n");
        var knownHosts = Path.Combine(_device.Root, "known_hosts");
        await File.WriteAllTextAsync(knownHosts, $"{_device.KnownHostsName} {_device.HostPublicKey}\n");

        var (exitCode, output, console) = await Ctl.RunAsync("flash", "--hosts", hosts, "--key", _device.ClientKey, "--known-hosts", knownHosts, "--package", _packages.Good,
            "--api-port", _device.ApiPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--remote-dir", _device.PackagesDir, "--dry-run");
        _log.WriteLine(output + console);

        Assert.Equal(FieldExitCodes.Unreachable, exitCode);
        Assert.Contains("Host", output, StringComparison.Ordinal);
        Assert.Matches(@"127\.0\.0\.1:\d+\s*│\s*checked", output);
        Assert.Matches(@"127\.0\.0\.1:1\s*│\s*unreachable", output);
    }
}
