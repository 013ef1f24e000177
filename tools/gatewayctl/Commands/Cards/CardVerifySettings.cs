using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Cards;

/// <summary>Arguments of <c>gatewayctl card verify</c>: a card file, or a card in a PC/SC reader.</summary>
public sealed class CardVerifySettings : CommandSettings
{
    /// <summary>The virtual card file; absent with <see cref="Reader"/>.</summary>
    [CommandArgument(0, "[FILE]")]
    [Description("Virtual card file (JSON, as written by 'gatewayctl card new'); omit it with --reader.")]
    public string? File { get; init; }

    /// <summary>A PC/SC reader holding the card, instead of a card file.</summary>
    [CommandOption("--reader <NAME>")]
    [Description("Verify the card in this PC/SC reader (through pcscd), e.g. \"Virtual PCD 00 00\", instead of a card file.")]
    public string? Reader { get; init; }

    /// <summary>A file whose first line is the card's PIN, for a card in a reader that asks for one.</summary>
    [CommandOption("--pin-file <PATH>")]
    [Description("With --reader: the card's PIN, on the first line of this file (a card file carries its own PIN).")]
    public string? PinFile { get; init; }

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
        if ((File is null) == (Reader is null))
        {
            return CardUsage.Error(File is null ? "nothing to verify" : "give either a card file or --reader, not both",
                "give a card file, or --reader NAME for a card in a PC/SC reader");
        }

        if (File is not null && !System.IO.File.Exists(File))
        {
            return CardUsage.Error($"card file not found: {File}", "check the path, or issue a card with 'gatewayctl card new'");
        }

        if (PinFile is not null && (Reader is null || !System.IO.File.Exists(PinFile)))
        {
            return Reader is null
                ? CardUsage.Error("--pin-file is for a card in a reader", "a card file carries its own PIN; drop --pin-file")
                : CardUsage.Error($"PIN file not found: {PinFile}", "check the path given to --pin-file");
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
