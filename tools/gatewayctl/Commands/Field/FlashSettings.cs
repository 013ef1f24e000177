using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Field;

/// <summary>Arguments of <c>gatewayctl flash</c>.</summary>
public sealed class FlashSettings : DeviceSettings
{
    /// <summary>The board the device is.</summary>
    [CommandOption("--board <BOARD>")]
    [Description("The device's board (a file in board-config/); the package must carry it. A --hosts line may override it.")]
    public string? Board { get; init; }

    /// <summary>The .deb to install.</summary>
    [CommandOption("--package <PATH>")]
    [Description("The .deb to install (default: the newest artifacts/gateway_*.deb).")]
    public string? Package { get; init; }

    /// <summary>A file of devices, one per line.</summary>
    [CommandOption("--hosts <FILE>")]
    [Description("Flash every device in FILE, one 'host[[:port]] [[board]]' per line ('#' starts a comment), then print a summary table.")]
    public string? Hosts { get; init; }

    /// <summary>Check and print the plan only.</summary>
    [CommandOption("--dry-run")]
    [Description("Connect and run the checks, print what would be done, change nothing.")]
    public bool DryRun { get; init; }

    /// <summary>Where packages are kept on the device.</summary>
    [CommandOption("--remote-dir <DIR>")]
    [Description("Folder on the device for uploaded packages, written as the SSH user; the installed and the previous one stay there for rollback (default: /var/lib/gateway/packages for root, ~/gateway-packages for other users).")]
    public string? RemoteDir { get; init; }

    /// <summary>How long the service may take to answer its health check.</summary>
    [CommandOption("--health-timeout <SECONDS>")]
    [Description("Seconds the restarted gateway has to answer GET /api/status with the right board (default: 60).")]
    public int HealthTimeoutSeconds { get; init; } = 60;

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Hosts is null)
        {
            var device = ValidateDevice(hostRequired: true);
            if (!device.Successful)
            {
                return device;
            }
        }
        else if (!File.Exists(Hosts))
        {
            return ValidationResult.Error($"hosts file not found: {Hosts}\nhint: one 'host[:port] [board]' per line");
        }
        else if (!File.Exists(Key))
        {
            return ValidationResult.Error($"key file not found: {Key}\nhint: give the private key with --key");
        }

        if (Board is null && Hosts is null)
        {
            return ValidationResult.Error("--board is required\nhint: e.g. --board rpi4-ag1171 (the device's file in board-config/)");
        }

        if (RemoteDir is not null && (!RemoteDir.StartsWith('/') || RemoteDir.Contains('\'', StringComparison.Ordinal)))
        {
            return ValidationResult.Error("--remote-dir must be an absolute path without quotes\nhint: the default is /var/lib/gateway/packages");
        }

        return HealthTimeoutSeconds < 1
            ? ValidationResult.Error("--health-timeout must be at least 1\nhint: the default is 60 seconds")
            : ValidationResult.Success();
    }
}
