using Gateway.Host.IntegrationTests;

namespace Gateway.Ctl.IntegrationTests;

/// <summary>
/// The packages the tests use, all built with 'gatewayctl package --publish-dir' from the gateway's build output
/// (framework-dependent, like a portable publish) so no test pays for a self-contained publish.
/// </summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("gatewayctl-packages-").FullName;

    public static string BuildOutput => Path.GetDirectoryName(RepoPaths.GatewayDll)!;

    /// <summary>Version 0.1.0, every board, Architecture all.</summary>
    public string Good { get; private set; } = string.Empty;

    /// <summary>Version 0.1.1, otherwise like <see cref="Good"/>: an upgrade that works.</summary>
    public string Newer { get; private set; } = string.Empty;

    /// <summary>Version 0.2.0~broken: its default gateway.json is not JSON, so the gateway dies at start.</summary>
    public string Broken { get; private set; } = string.Empty;

    /// <summary>Architecture arm64 (content irrelevant: flash must refuse it on this amd64 "device").</summary>
    public string Arm64 { get; private set; } = string.Empty;

    /// <summary>Only the rpi5-bay4 board.</summary>
    public string Rpi5Only { get; private set; } = string.Empty;

    public string PackageOutput { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        if (!File.Exists(RepoPaths.GatewayDll))
        {
            throw new FileNotFoundException($"build firmware/Gateway.Host first: {RepoPaths.GatewayDll} is missing");
        }

        (Good, PackageOutput) = await BuildAsync("good", "--rid", "portable");
        (Newer, _) = await BuildAsync("newer", "--rid", "portable", "--version", "0.1.1");
        var brokenConfig = Path.Combine(Directory, "broken.json");
        await File.WriteAllTextAsync(brokenConfig, "{ \"Gateway\": { this is not json");
        (Broken, _) = await BuildAsync("broken", "--rid", "portable", "--version", "0.2.0~broken", "--config", brokenConfig);
        (Arm64, _) = await BuildAsync("arm64", "--rid", "linux-arm64");
        (Rpi5Only, _) = await BuildAsync("rpi5", "--rid", "portable", "--board", "rpi5-bay4");
    }

    public Task DisposeAsync()
    {
        System.IO.Directory.Delete(Directory, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<(string Path, string Output)> BuildAsync(string name, params string[] args)
    {
        var output = Path.Combine(Directory, name);
        var (exitCode, stdout, console) = await Ctl.RunAsync(["package", "--publish-dir", BuildOutput, "--output", output, .. args]);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"package {name} failed ({exitCode}): {console}");
        }

        return (System.IO.Directory.GetFiles(output, "*.deb").Single(), stdout);
    }
}
