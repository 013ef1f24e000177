using Spectre.Console;

namespace Gateway.Ctl.Commands.Cards;

/// <summary>Usage errors of the <c>card</c> settings as one error line and one hint line.</summary>
internal static class CardUsage
{
    public static ValidationResult Error(string error, string hint) => ValidationResult.Error($"{error}\nhint: {hint}");
}
