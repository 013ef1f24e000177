using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Field;

/// <summary>Arguments of <c>gatewayctl package</c>.</summary>
public sealed class PackageSettings : CommandSettings
{
    /// <summary>The runtime: linux-arm64, linux-x64 (self-contained) or portable (framework-dependent).</summary>
    [CommandOption("--rid <RID>")]
    [Description("linux-arm64 or linux-x64 (self-contained, Architecture arm64/amd64), or portable (framework-dependent, "
        + "Architecture all: needs the ASP.NET Core 10 runtime; for 32-bit Pis).")]
    public string? Rid { get; init; }

    /// <summary>Publish with NativeAOT.</summary>
    [CommandOption("--aot")]
    [Description("Publish with NativeAOT (needs clang, and for linux-arm64 on x64 the Debian cross toolchain).")]
    public bool Aot { get; init; }

    /// <summary>Where the .deb goes.</summary>
    [CommandOption("-o|--output <DIR>")]
    [Description("Folder for the .deb (default: artifacts).")]
    public string Output { get; init; } = "artifacts";

    /// <summary>Only this board's file goes into the package; every board when null.</summary>
    [CommandOption("--board <BOARD>")]
    [Description("Ship only this board's file; 'flash' then refuses other boards (default: every board, postinst default 'bench').")]
    public string? Board { get; init; }

    /// <summary>Package an existing publish folder instead of running dotnet publish.</summary>
    [CommandOption("--publish-dir <DIR>")]
    [Description("Package this existing 'dotnet publish' output of firmware/Gateway.Host instead of building.")]
    public string? PublishDir { get; init; }

    /// <summary>The default device configuration shipped as the conffile.</summary>
    [CommandOption("--config <FILE>")]
    [Description("Ship this file as the default /etc/gateway/gateway.json (a conffile: local edits survive upgrades).")]
    public string? Config { get; init; }

    /// <summary>The package version; the gateway assembly's version when null.</summary>
    [CommandOption("--version <VERSION>")]
    [Description("Package version (default: the gateway assembly's informational version).")]
    public string? Version { get; init; }

    /// <summary>The repository root; found above the current folder when null.</summary>
    [CommandOption("--source <DIR>")]
    [Description("Repository root holding Gateway.sln (default: searched upwards from the current folder).")]
    public string? Source { get; init; }

    /// <summary>Print the result as JSON.</summary>
    [CommandOption("--json")]
    [Description("Print the result (path, size, architecture, version) as JSON.")]
    public bool Json { get; init; }

    /// <summary>The package target for <see cref="Rid"/>.</summary>
    public PackageTarget Target => PackageTarget.Parse(Rid!)!;

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Rid) || PackageTarget.Parse(Rid) is null)
        {
            return ValidationResult.Error("--rid must be linux-arm64, linux-x64 or portable\nhint: e.g. --rid linux-arm64 for a 64-bit Raspberry Pi OS");
        }

        if (Aot && Rid == PackageTarget.Portable.Rid)
        {
            return ValidationResult.Error("--aot needs a runtime identifier\nhint: use --rid linux-x64 or --rid linux-arm64 with --aot");
        }

        if (PublishDir is not null && !Directory.Exists(PublishDir))
        {
            return ValidationResult.Error($"publish folder not found: {PublishDir}\nhint: run 'dotnet publish firmware/Gateway.Host' first or drop --publish-dir");
        }

        return Config is not null && !File.Exists(Config)
            ? ValidationResult.Error($"config file not found: {Config}\nhint: check the path given to --config")
            : ValidationResult.Success();
    }
}
