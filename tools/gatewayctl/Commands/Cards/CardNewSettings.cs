using System.ComponentModel;
using System.Globalization;
using Gateway.NetworkServer;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Cards;

/// <summary>Arguments of <c>gatewayctl card new</c>.</summary>
public sealed class CardNewSettings : CommandSettings
{
    /// <summary>The SIP and digest username.</summary>
    [CommandOption("--subscriber <USER>")]
    [Description("SIP and digest username the card authenticates as.")]
    public string? Subscriber { get; init; }

    /// <summary>The digest realm.</summary>
    [CommandOption("--realm <REALM>")]
    [Description("Digest realm (the network server's domain); the AOR is sip:USER@REALM.")]
    public string? Realm { get; init; }

    /// <summary>The follow-me number.</summary>
    [CommandOption("--number <NUMBER>")]
    [Description("Follow-me number: +CC..., 1NXXNXXXXXX, NXXNXXXXXX or 011CC...; stored as E.164.")]
    public string? Number { get; init; }

    /// <summary>What the phone shows.</summary>
    [CommandOption("--display-name <NAME>")]
    [Description("Display name shown on the phone.")]
    public string? DisplayName { get; init; }

    /// <summary>The card PIN; none when omitted.</summary>
    [CommandOption("--pin <PIN>")]
    [Description("Card PIN, 4-12 digits (default: no PIN).")]
    public string? Pin { get; init; }

    /// <summary>Read the password from the first line of standard input.</summary>
    [CommandOption("--password-stdin")]
    [Description("Read the password from the first line of standard input.")]
    public bool PasswordStdin { get; init; }

    /// <summary>Read the password from the first line of a file.</summary>
    [CommandOption("--password-file <FILE>")]
    [Description("Read the password from the first line of FILE.")]
    public string? PasswordFile { get; init; }

    /// <summary>The primary registrar.</summary>
    [CommandOption("--registrar <SIPURI>")]
    [Description("Primary registrar, e.g. sip:127.0.0.1:5060 (default: none, the gateway's own).")]
    public string? Registrar { get; init; }

    /// <summary>Last valid day.</summary>
    [CommandOption("--expiry <DATE>")]
    [Description("Last valid day, YYYY-MM-DD (UTC); default: no expiry.")]
    public string? Expiry { get; init; }

    /// <summary>Ring cadence name.</summary>
    [CommandOption("--cadence <NAME>")]
    [Description("Ring cadence name, e.g. distinctive-1.")]
    public string? Cadence { get; init; }

    /// <summary>Card serial; generated when omitted.</summary>
    [CommandOption("--serial <SERIAL>")]
    [Description("Card serial (default: FM- and 8 random hex digits).")]
    public string? Serial { get; init; }

    /// <summary>Where the card file goes.</summary>
    [CommandOption("--out <FILE>")]
    [Description("Card file to write (default: USER.card.json); never overwritten.")]
    public string? Out { get; init; }

    /// <summary>Network server database to provision the subscriber in as well.</summary>
    [CommandOption("--db <PATH>")]
    [Description("Also add the subscriber to this network server database (created when missing).")]
    public string? Db { get; init; }

    /// <summary>The parsed <see cref="Expiry"/> (valid after validation).</summary>
    internal DateOnly? ExpiryDate =>
        Expiry is null ? null : DateOnly.ParseExact(Expiry, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The card file path.</summary>
    internal string OutPath => Out ?? $"{Subscriber}.card.json";

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (string.IsNullOrEmpty(Subscriber) || string.IsNullOrEmpty(Realm) || string.IsNullOrEmpty(Number) || string.IsNullOrEmpty(DisplayName))
        {
            return CardUsage.Error("--subscriber, --realm, --number and --display-name are required", "see 'gatewayctl card new --help'");
        }

        if (!FollowMeNumber.TryNormalize(Number, out _))
        {
            return CardUsage.Error($"'{Number}' is not a routable telephone number", "use E.164 such as +15551234567, or a 10-digit NANP number");
        }

        if (Pin is not null && (Pin.Length is < 4 or > 12 || Pin.AsSpan().IndexOfAnyExceptInRange('0', '9') >= 0))
        {
            return CardUsage.Error("the PIN must be 4-12 digits", "give --pin 1234, or leave --pin out for a card without PIN");
        }

        if (Expiry is not null && !DateOnly.TryParseExact(Expiry, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            return CardUsage.Error($"'{Expiry}' is not a date", "write the expiry as YYYY-MM-DD, e.g. 2030-12-31");
        }

        if (PasswordStdin == (PasswordFile is not null))
        {
            return CardUsage.Error(PasswordStdin ? "give only one password source" : "a password is required (the card holds its HA1)",
                "pipe it in with --password-stdin, or use --password-file FILE");
        }

        return PasswordFile is null || File.Exists(PasswordFile)
            ? ValidationResult.Success()
            : CardUsage.Error($"password file not found: {PasswordFile}", "check the path given to --password-file");
    }
}
