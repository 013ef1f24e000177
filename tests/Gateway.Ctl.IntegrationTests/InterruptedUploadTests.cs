using Gateway.Ctl.Commands.Field;
using Xunit.Abstractions;

namespace Gateway.Ctl.IntegrationTests;

/// <summary>
/// An upload really cut mid-way (the device's sftp subsystem shim ends the stream after N bytes, see
/// <see cref="LoopbackDevice.SetSftpCut"/>): the installed package and the running gateway stay as they were, nothing
/// half-written is installed, and the next flash works.
/// </summary>
[Collection(LoopbackDeviceGroup.Name)]
public sealed class InterruptedUploadTests : IDisposable
{
    private readonly PackageFixture _packages;
    private readonly LoopbackDevice _device;
    private readonly ITestOutputHelper _log;

    public InterruptedUploadTests(PackageFixture packages, LoopbackDevice device, ITestOutputHelper log)
    {
        _packages = packages;
        _device = device;
        _log = log;
        device.ResetSandbox();
    }

    public void Dispose()
    {
        _device.SetSftpCut(null);
        _device.ResetSandbox();
    }

    private string Partial => Path.Combine(_device.PackagesDir, ".gateway_0.1.1_all.deb.partial");

    private Task<(int ExitCode, string Output, string Console)> FlashAsync(string package) =>
        Ctl.RunAsync(["flash", .. _device.SshArgs, "--board", "bench", "--package", package, "--remote-dir", _device.PackagesDir, "--health-timeout", "90"]);

    [Fact]
    public async Task ConnectionCutMidUpload_DeviceUnchanged_NextFlashUpgrades()
    {
        Assert.Equal(FieldExitCodes.Ok, (await FlashAsync(_packages.Good)).ExitCode);
        var runningBefore = _device.GatewayPid();
        Assert.NotNull(runningBefore);
        var size = new FileInfo(_packages.Newer).Length;
        _device.SetSftpCut(size * 2 / 5);

        var (exitCode, output, console) = await FlashAsync(_packages.Newer);
        _log.WriteLine(output + console);

        Assert.Equal(FieldExitCodes.Unreachable, exitCode);
        Assert.Matches(@"error: 127\.0\.0\.1:\d+: upload to .*\.gateway_0\.1\.1_all\.deb\.partial broke off after \d+ of \d+ bytes", console);
        Assert.Contains("hint: nothing was installed and the running gateway is untouched (the temporary file stays until the next flash)", console, StringComparison.Ordinal);
        Assert.DoesNotContain("uploaded and verified", console, StringComparison.Ordinal);
        await AssertUnchangedAsync(runningBefore.Value);

        // The cut was real and mid-way: a part of the file arrived, under the temporary name only.
        var arrived = new FileInfo(Partial).Length;
        _log.WriteLine($"cut after {arrived} of {size} bytes");
        Assert.InRange(arrived, 1, size - 1);
        Assert.Equal(["gateway_0.1.0_all.deb", "installed"], PackageFiles().Where(f => !f.StartsWith('.')));

        var next = await FlashAsync(_packages.Newer);
        _log.WriteLine(next.Output + next.Console);

        Assert.True(next.ExitCode == FieldExitCodes.Ok, next.Console);
        // The running gateway reports its assembly's version, which the test packages share; dpkg knows the package's.
        Assert.Contains("runs board bench (0.1.0 before)", next.Output, StringComparison.Ordinal);
        Assert.Equal("0.1.1 ii", await _device.InstalledVersionAsync());
        Assert.Equal(["gateway_0.1.0_all.deb", "gateway_0.1.1_all.deb", "installed"], PackageFiles());
        Assert.Equal(await File.ReadAllBytesAsync(_packages.Newer), await File.ReadAllBytesAsync(Path.Combine(_device.PackagesDir, "gateway_0.1.1_all.deb")));
    }

    [Fact]
    public async Task SftpChannelCutMidUpload_TemporaryFileRemoved_DeviceUnchanged()
    {
        Assert.Equal(FieldExitCodes.Ok, (await FlashAsync(_packages.Good)).ExitCode);
        var runningBefore = _device.GatewayPid();
        Assert.NotNull(runningBefore);
        _device.SetSftpCut(new FileInfo(_packages.Newer).Length / 2, "channel");

        var (exitCode, output, console) = await FlashAsync(_packages.Newer);
        _log.WriteLine(output + console);

        // The SSH connection survived, so flash cleaned up after itself.
        Assert.NotEqual(FieldExitCodes.Ok, exitCode);
        Assert.Contains("broke off after", console, StringComparison.Ordinal);
        Assert.Contains("hint: nothing was installed and the running gateway is untouched;", console, StringComparison.Ordinal);
        Assert.False(File.Exists(Partial));
        await AssertUnchangedAsync(runningBefore.Value);
        Assert.Equal(["gateway_0.1.0_all.deb", "installed"], PackageFiles());
    }

    private async Task AssertUnchangedAsync(int runningBefore)
    {
        Assert.Equal("0.1.0 ii", await _device.InstalledVersionAsync());
        Assert.Equal("gateway_0.1.0_all.deb\n", await File.ReadAllTextAsync(Path.Combine(_device.PackagesDir, "installed")));
        Assert.Equal(runningBefore, _device.GatewayPid());
        using (var process = System.Diagnostics.Process.GetProcessById(runningBefore))
        {
            Assert.False(process.HasExited);
        }

        var status = await Ctl.RunAsync(["status", .. _device.SshArgs, "--json"]);
        Assert.True(status.ExitCode == FieldExitCodes.Ok, status.Console);
        Assert.Contains("\"version\":\"0.1.0\"", status.Output, StringComparison.Ordinal);
    }

    private string[] PackageFiles() => [.. Directory.GetFiles(_device.PackagesDir).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];
}
