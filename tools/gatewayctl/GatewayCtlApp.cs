using Gateway.Ctl.Commands.Cards;
using Gateway.Ctl.Commands.Field;
using Gateway.Ctl.Commands.Sip;
using Gateway.Ctl.Commands.Subscribers;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gateway.Ctl;

/// <summary>Builds the gatewayctl command tree; tests build it with their own writers to run it in-process.</summary>
public static class GatewayCtlApp
{
    /// <summary>Exit code for a usage error (unknown command, missing argument, unreadable file).</summary>
    public const int UsageError = 2;

    /// <summary>Creates the application.</summary>
    /// <param name="output">Where command results go; standard output when null.</param>
    /// <param name="console">Where help, usage errors and command errors go; the real console when null.</param>
    /// <param name="input">Standard input for commands that read it; the real one when null.</param>
    /// <returns>The configured application.</returns>
    public static CommandApp Create(TextWriter? output = null, IAnsiConsole? console = null, TextReader? input = null)
    {
        // Errors, hints and progress go to standard error so that 'gatewayctl ... --json | jq' only ever sees results.
        var errors = console ?? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("gatewayctl");
            config.Settings.Registrar.RegisterInstance(new CommandOutput(output ?? Console.Out));
            config.Settings.Registrar.RegisterInstance(new CommandConsole(errors));
            config.Settings.Registrar.RegisterInstance(new CommandInput(input ?? Console.In));
            if (console is not null)
            {
                config.ConfigureConsole(console);
            }

            config.SetExceptionHandler((ex, _) =>
            {
                errors.MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
                return UsageError;
            });
            config.AddBranch("sip", sip =>
            {
                sip.SetDescription("SIP tools.");
                sip.AddCommand<SipLintCommand>("lint")
                    .WithDescription("Parse SIP messages from files and report the first syntax error of each.\n\n"
                        + "Output: one line per file, 'OK  file: <start line>  Call-ID=..  CSeq=..  From=..  To=..' or "
                        + "'ERR file:line:col: <error>'; with --json one JSON object per file.\n\n"
                        + "Exit codes: 0 every file is a valid SIP message; 1 at least one file is invalid; 2 usage error "
                        + "(bad arguments or unreadable file).")
                    .WithExample("sip", "lint", "invite.sip")
                    .WithExample("sip", "lint", "capture/*.dat", "--json");
            });
            config.AddBranch("subscriber", AddSubscriberCommands);
            config.AddBranch("card", AddCardCommands);
            FieldCommands.Add(config);
        });
        return app;
    }

    private static void AddCardCommands(IConfigurator<CommandSettings> card)
    {
        const string ExitCodes = "\n\nExit codes: 0 ok; 1 operation failed (unreadable or invalid card file, existing subscriber or file, "
            + "card refused, no pcscd or no card in the reader, digest mismatch); 2 usage error (bad or missing arguments, invalid number, PIN or date, missing file).";
        card.SetDescription("Follow-me cards (virtual card files of tools/virtual-card: test data holding HA1 and PIN in clear).");
        card.AddCommand<CardNewCommand>("new")
            .WithDescription("Issue a virtual card: the profile plus HA1 for MD5 and SHA-256 computed from the password (never stored). "
                + "With --db the subscriber is added to the network server database too, and nothing is written if it exists. "
                + "The profile is checked like the gateway checks an inserted card." + ExitCodes)
            .WithExample("card", "new", "--subscriber", "alice", "--realm", "example.com", "--number", "+15551234567", "--display-name", "Alice",
                "--pin", "1234", "--password-stdin", "--out", "alice.card.json")
            .WithExample("card", "new", "--subscriber", "bob", "--realm", "example.com", "--number", "5551230002", "--display-name", "Bob",
                "--password-file", "bob.pw", "--registrar", "sip:127.0.0.1:5060", "--expiry", "2030-12-31", "--cadence", "distinctive-1", "--db", "ns.sqlite");
        card.AddCommand<CardShowCommand>("show")
            .WithDescription("Print a card's public contents: number, AOR, user, realm, registrars, codecs, filters, speed dials, serial, expiry, "
                + "whether a PIN is required and the algorithms; never HA1 or the PIN." + ExitCodes)
            .WithExample("card", "show", "alice.card.json")
            .WithExample("card", "show", "alice.card.json", "--json");
        card.AddCommand<CardVerifyCommand>("verify")
            .WithDescription("Run the card's applet in-process (PIN from the file), or use the card in a PC/SC reader through pcscd "
                + "(--reader, PIN from --pin-file), have it answer a fresh REGISTER challenge for each algorithm "
                + "and check the responses against the network server's stored HA1 (--db) or a password (--password-stdin). "
                + "One line per algorithm: ok, FAIL or skip." + ExitCodes)
            .WithExample("card", "verify", "alice.card.json", "--db", "ns.sqlite")
            .WithExample("card", "verify", "alice.card.json", "--password-stdin")
            .WithExample("card", "verify", "--reader", "Virtual PCD 00 00", "--pin-file", "alice.pin", "--db", "ns.sqlite");
    }

    private static void AddSubscriberCommands(IConfigurator<CommandSettings> subscriber)
    {
        const string ExitCodes = "\n\nExit codes: 0 ok; 1 operation failed (duplicate user or number, user not found, database error); "
            + "2 usage error (bad or missing arguments, invalid number).";
        subscriber.SetDescription("Network server subscribers (SQLite database of tools/network-server).");
        subscriber.AddCommand<SubscriberAddCommand>("add")
            .WithDescription("Add a subscriber with a follow-me number. Only HA1 values (MD5, SHA-256) are stored, never the password. "
                + "The database is created when missing. The password comes from --password-stdin or --password-file; "
                + "--password works but is visible in 'ps'." + ExitCodes)
            .WithExample("subscriber", "add", "--db", "ns.sqlite", "--user", "alice", "--realm", "example.com", "--number", "+15551234567", "--password-stdin")
            .WithExample("subscriber", "add", "--db", "ns.sqlite", "--user", "bob", "--realm", "example.com", "--number", "5551230002",
                "--password-file", "bob.pw", "--default-destination", "sip:vm@example.com", "--json");
        subscriber.AddCommand<SubscriberListCommand>("list")
            .WithDescription("List subscribers: user, realm, follow-me number, default destination (never HA1)." + ExitCodes)
            .WithExample("subscriber", "list", "--db", "ns.sqlite")
            .WithExample("subscriber", "list", "--db", "ns.sqlite", "--realm", "example.com", "--json");
        subscriber.AddCommand<SubscriberRemoveCommand>("remove")
            .WithDescription("Remove a subscriber and its follow-me number; current registrations expire on their own." + ExitCodes)
            .WithExample("subscriber", "remove", "--db", "ns.sqlite", "--user", "alice")
            .WithExample("subscriber", "remove", "--db", "ns.sqlite", "--user", "alice", "--realm", "example.com", "--json");
    }
}
