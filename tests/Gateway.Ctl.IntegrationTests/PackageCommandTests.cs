using Xunit.Abstractions;

namespace Gateway.Ctl.IntegrationTests;

[Collection(LoopbackDeviceGroup.Name)]
public sealed class PackageCommandTests(PackageFixture packages, ITestOutputHelper log)
{
    private static async Task<string> DpkgDebAsync(params string[] args)
    {
        var (exitCode, output) = await Ctl.ToolAsync("dpkg-deb", args);
        Assert.Equal(0, exitCode);
        return output;
    }

    [Fact]
    public async Task Package_Portable_ControlFieldsScriptsAndConffile()
    {
        var info = await DpkgDebAsync("--info", packages.Good);
        log.WriteLine($"portable (framework-dependent) package: {new FileInfo(packages.Good).Length / 1024} KiB: {packages.PackageOutput.Trim()}");

        Assert.Contains("Package: gateway", info, StringComparison.Ordinal);
        Assert.Contains("Version: 0.1.0", info, StringComparison.Ordinal);
        Assert.Contains("Architecture: all", info, StringComparison.Ordinal);
        Assert.Contains("Gateway-Boards: bench rpi4-ag1171 rpi4-payphone rpi5-bay4", info, StringComparison.Ordinal);
        Assert.Contains("Recommends: pcscd, aspnetcore-runtime-10.0", info, StringComparison.Ordinal);
        foreach (var script in new[] { "postinst", "prerm", "postrm", "conffiles", "md5sums" })
        {
            Assert.Contains($" {script} ", info, StringComparison.Ordinal);
        }

        Assert.Equal("/etc/gateway/gateway.json\n", await ReadControlFileAsync("conffiles"));
    }

    [Fact]
    public async Task Package_Portable_ContentsGatewayUnitBoardsRootOwned()
    {
        var contents = await DpkgDebAsync("--contents", packages.Good);

        foreach (var path in new[] { "./usr/lib/gateway/gateway.dll", "./usr/lib/gateway/board-config/bench.json", "./usr/lib/gateway/board-config/rpi5-bay4.json",
            "./etc/gateway/gateway.json", "./lib/systemd/system/gateway.service", "./usr/share/doc/gateway/copyright", "./usr/share/gateway/package-info" })
        {
            Assert.Contains(path + "\n", contents, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(".pdb", contents, StringComparison.Ordinal);
        Assert.DoesNotContain("./usr/lib/gateway/gateway\n", contents, StringComparison.Ordinal);
        Assert.DoesNotContain("runtimes/win", contents, StringComparison.Ordinal);
        Assert.DoesNotContain("./usr/lib/gateway/systemd/", contents, StringComparison.Ordinal);
        Assert.All(contents.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Contains(" root/root ", line, StringComparison.Ordinal));
        Assert.StartsWith("drwxr-xr-x root/root", contents, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_Unit_IsNotifyWithWatchdogRestartUserAndHardening()
    {
        var unit = await ExtractAsync(packages.Good, "lib/systemd/system/gateway.service");

        foreach (var line in new[] { "Type=notify", "WatchdogSec=30", "Restart=on-failure", "User=gateway", "ProtectSystem=strict", "NoNewPrivileges=yes",
            "ExecStart=dotnet /usr/lib/gateway/gateway.dll", "EnvironmentFile=/etc/gateway/board.env", "CapabilityBoundingSet=" })
        {
            Assert.Contains("\n" + line + "\n", unit, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Package_Board_CarriesOnlyThatBoard()
    {
        var info = await DpkgDebAsync("--field", packages.Rpi5Only, "Gateway-Boards");
        var contents = await DpkgDebAsync("--contents", packages.Rpi5Only);

        Assert.Equal("rpi5-bay4", info.Trim());
        Assert.Contains("board-config/rpi5-bay4.json", contents, StringComparison.Ordinal);
        Assert.DoesNotContain("board-config/bench.json", contents, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_Arm64_IsArchitectureArm64WithApphostExecStart()
    {
        var architecture = await DpkgDebAsync("--field", packages.Arm64, "Architecture");
        var unit = await ExtractAsync(packages.Arm64, "lib/systemd/system/gateway.service");

        Assert.Equal("arm64", architecture.Trim());
        Assert.Contains("\nExecStart=/usr/lib/gateway/gateway\n", unit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_NoRid_UsageErrorWithHint()
    {
        var (exitCode, _, console) = await Ctl.RunAsync("package", "--rid", "linux-armhf");

        Assert.Equal(GatewayCtlApp.UsageError, exitCode);
        Assert.Contains("--rid must be linux-arm64, linux-x64 or portable", console, StringComparison.Ordinal);
        Assert.Contains("hint:", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Package_AotPortable_UsageError()
    {
        var (exitCode, _, console) = await Ctl.RunAsync("package", "--rid", "portable", "--aot");

        Assert.Equal(GatewayCtlApp.UsageError, exitCode);
        Assert.Contains("--aot needs a runtime identifier", console, StringComparison.Ordinal);
    }

    private async Task<string> ReadControlFileAsync(string name)
    {
        var dir = Directory.CreateTempSubdirectory("gatewayctl-ctrl-").FullName;
        try
        {
            await DpkgDebAsync("--control", packages.Good, dir);
            return await File.ReadAllTextAsync(Path.Combine(dir, name));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<string> ExtractAsync(string deb, string path)
    {
        var dir = Directory.CreateTempSubdirectory("gatewayctl-extract-").FullName;
        try
        {
            await DpkgDebAsync("--extract", deb, dir);
            return await File.ReadAllTextAsync(Path.Combine(dir, path));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
