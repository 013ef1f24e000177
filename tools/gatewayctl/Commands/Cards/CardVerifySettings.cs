using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Cards;

/// <summary>Arguments of <c>gatewayctl card verify</c>.</summary>
public sealed class CardVerifySettings : CardFileSettings
{
    /// <summary>Check against the HA1 values stored in this network server database.</summary>
    [CommandOption("--db <PATH>")]
    [Description("Check against the HA1 values the network server stores for the card's user and realm.")]
    public string? Db { get; init; }

    /// <summary>Check against a password read from standard input.</summary>
    [CommandOption("--password-stdin")]
    [Description("Check against the password on the first line of standard input.")]
    public bool PasswordStdin { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        if (PasswordStdin == (Db is not null))
        {
            return CardUsage.Error(PasswordStdin ? "give either --db or --password-stdin, not both" : "nothing to verify against",
                "give --db PATH (the network server database) or --password-stdin");
        }

        return Db is null || System.IO.File.Exists(Db)
            ? ValidationResult.Success()
            : CardUsage.Error($"database not found: {Db}", "check the path given to --db");
    }
}
