using Gateway.Ctl.Commands.Field;
using Xunit.Abstractions;

namespace Gateway.Ctl.IntegrationTests;

/// <summary>
/// flash as an ordinary user: packages go to the user's own folder, dpkg and systemctl run through 'sudo -n' under
/// the narrow sudoers rule the README documents, and without that rule the check says what to add.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
[Collection(LoopbackDeviceGroup.Name)]
public sealed class NonRootFlashTests : IDisposable
{
    private readonly PackageFixture _packages;
    private readonly LoopbackDevice _device;
    private readonly ITestOutputHelper _log;

    public NonRootFlashTests(PackageFixture packages, LoopbackDevice device, ITestOutputHelper log)
    {
        _packages = packages;
        _device = device;
        _log = log;
        device.ResetSandbox();
    }

    public void Dispose() => _device.ResetSandbox();

    [Fact]
    public async Task OrdinaryUser_WithoutSudoRule_RefusedWithTheRule_WithIt_InstallsThroughSudo()
    {
        await using var user = await ThrowawayUser.CreateAsync(_device);
        var args = _device.SshArgs.ToArray();
        args[Array.IndexOf(args, "--user") + 1] = user.Name;
        string[] flash = ["flash", .. args, "--board", "bench", "--package", _packages.Good, "--health-timeout", "90"];

        var refused = await Ctl.RunAsync([.. flash, "--dry-run"]);
        _log.WriteLine(refused.Output + refused.Console);

        Assert.Equal(FieldExitCodes.Failed, refused.ExitCode);
        Assert.Contains($"user '{user.Name}' may not run dpkg and systemctl through 'sudo -n'", refused.Console, StringComparison.Ordinal);
        Assert.Contains($"hint: add a sudoers rule on the device (visudo -f /etc/sudoers.d/gateway): {user.Name} ALL=(root) NOPASSWD:SETENV: /usr/bin/dpkg, /usr/bin/systemctl", refused.Console, StringComparison.Ordinal);

        await user.AllowDpkgAndSystemctlAsync(_device.Shims);
        var (exitCode, output, console) = await Ctl.RunAsync(flash);
        _log.WriteLine(output + console);

        Assert.True(exitCode == FieldExitCodes.Ok, console);
        Assert.Contains("gateway 0.1.0 runs board bench (fresh install before)", output, StringComparison.Ordinal);
        Assert.Equal("0.1.0 ii", await _device.InstalledVersionAsync());

        // The default package folder is the user's own, written without sudo.
        var packages = Path.Combine(user.HomeDirectory, "gateway-packages");
        Assert.Equal(["gateway_0.1.0_all.deb", "installed"], Directory.GetFiles(packages).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
        var (_, owner) = await Ctl.ToolAsync("stat", "-c", "%U", Path.Combine(packages, "installed"));
        Assert.Equal(user.Name, owner.Trim());

        var status = await Ctl.RunAsync(["status", .. args, "--json"]);
        Assert.True(status.ExitCode == FieldExitCodes.Ok, status.Console);
        Assert.Contains("\"version\":\"0.1.0\"", status.Output, StringComparison.Ordinal);
    }
}
