using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Field;

/// <summary>Arguments of <c>gatewayctl events</c>.</summary>
public sealed class EventsSettings : ApiSettings
{
    /// <summary>Recent events to send first.</summary>
    [CommandOption("--replay <N>")]
    [Description("First print up to N recent events (default: 0).")]
    public int Replay { get; init; }

    /// <summary>Stop after this many events.</summary>
    [CommandOption("--count <N>")]
    [Description("Stop after N events (default: run until Ctrl+C).")]
    public int? Count { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate() =>
        Replay < 0 || Count is < 1
            ? ValidationResult.Error("--replay must be >= 0 and --count >= 1\nhint: e.g. --replay 20 --count 5")
            : base.Validate();
}
