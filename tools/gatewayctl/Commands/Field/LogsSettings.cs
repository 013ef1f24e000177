using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Field;

/// <summary>Arguments of <c>gatewayctl logs</c>.</summary>
public sealed class LogsSettings : DeviceSettings
{
    /// <summary>The log files on the device (a shell glob).</summary>
    [CommandOption("--path <GLOB>")]
    [Description("The Serilog files on the device, a shell glob (default: /var/log/gateway/*.log).")]
    public string Path { get; init; } = "/var/log/gateway/*.log";

    /// <summary>Lines to print from the end.</summary>
    [CommandOption("-n|--lines <N>")]
    [Description("Print the last N lines of the newest file (default: 50).")]
    public int Lines { get; init; } = 50;

    /// <summary>Keep printing new lines.</summary>
    [CommandOption("-f|--follow")]
    [Description("Keep printing new lines (also across Serilog's daily/size roll-over) until Ctrl+C.")]
    public bool Follow { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Lines < 0)
        {
            return ValidationResult.Error("--lines must be >= 0\nhint: e.g. --lines 200");
        }

        return Path.Contains('\'', StringComparison.Ordinal)
            ? ValidationResult.Error("--path must not contain quotes\nhint: e.g. --path '/var/log/gateway/*.log'")
            : ValidateDevice(hostRequired: true);
    }
}
