using System.ComponentModel;
using Gateway.NetworkServer;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Subscribers;

/// <summary>Arguments of <c>gatewayctl subscriber add</c>.</summary>
public sealed class SubscriberAddSettings : SubscriberDbSettings
{
    /// <summary>The SIP (and digest) username.</summary>
    [CommandOption("--user <USER>")]
    [Description("SIP and digest username (1-64 of A-Z a-z 0-9 . _ -).")]
    public string? User { get; init; }

    /// <summary>The digest realm, equal to the subscriber domain.</summary>
    [CommandOption("--realm <REALM>")]
    [Description("Digest realm (the domain the network server is started with).")]
    public string? Realm { get; init; }

    /// <summary>The follow-me number.</summary>
    [CommandOption("--number <NUMBER>")]
    [Description("Follow-me number: +CC..., 1NXXNXXXXXX, NXXNXXXXXX or 011CC...; stored as E.164.")]
    public string? Number { get; init; }

    /// <summary>Read the password from the first line of standard input.</summary>
    [CommandOption("--password-stdin")]
    [Description("Read the password from the first line of standard input.")]
    public bool PasswordStdin { get; init; }

    /// <summary>Read the password from the first line of a file.</summary>
    [CommandOption("--password-file <FILE>")]
    [Description("Read the password from the first line of FILE.")]
    public string? PasswordFile { get; init; }

    /// <summary>The password as an argument; visible in <c>ps</c>, so it prints a warning.</summary>
    [CommandOption("--password <PASSWORD>")]
    [Description("The password itself. Visible to every user in 'ps' and in shell history; prefer --password-stdin.")]
    public string? Password { get; init; }

    /// <summary>Where calls go while no phone holds the card.</summary>
    [CommandOption("--default-destination <URI>")]
    [Description("Where calls go while no phone holds the card: a sip: URI (e.g. voicemail) or a number.")]
    public string? DefaultDestination { get; init; }

    /// <inheritdoc/>
    protected override bool CreatesDatabase => true;

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        if (string.IsNullOrEmpty(User) || string.IsNullOrEmpty(Realm) || string.IsNullOrEmpty(Number))
        {
            return Usage("--user, --realm and --number are required", "see 'gatewayctl subscriber add --help'");
        }

        if (!FollowMeNumber.TryNormalize(Number, out _))
        {
            return Usage($"'{Number}' is not a routable telephone number", "use E.164 such as +15551234567, or a 10-digit NANP number");
        }

        var sources = (PasswordStdin ? 1 : 0) + (PasswordFile is null ? 0 : 1) + (Password is null ? 0 : 1);
        if (sources != 1)
        {
            return Usage(sources == 0 ? "a password is required" : "give only one password source",
                "pipe it in with --password-stdin, or use --password-file FILE");
        }

        return PasswordFile is null || File.Exists(PasswordFile)
            ? ValidationResult.Success()
            : Usage($"password file not found: {PasswordFile}", "check the path given to --password-file");
    }
}
