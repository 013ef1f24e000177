using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Cards;

/// <summary>Arguments every <c>gatewayctl card</c> command that reads a card file takes.</summary>
public class CardFileSettings : CommandSettings
{
    /// <summary>The virtual card file.</summary>
    [CommandArgument(0, "<FILE>")]
    [Description("Virtual card file (JSON, as written by 'gatewayctl card new').")]
    public string File { get; init; } = "";

    /// <inheritdoc/>
    public override ValidationResult Validate() => System.IO.File.Exists(File)
        ? ValidationResult.Success()
        : CardUsage.Error($"card file not found: {File}", "check the path, or issue a card with 'gatewayctl card new'");
}
