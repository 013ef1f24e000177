using System.ComponentModel;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Cards;

/// <summary>Arguments of <c>gatewayctl card show</c>.</summary>
public sealed class CardShowSettings : CardFileSettings
{
    /// <summary>Print JSON instead of text.</summary>
    [CommandOption("--json")]
    [Description("Print JSON instead of text.")]
    public bool Json { get; init; }
}
