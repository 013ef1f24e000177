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
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("gatewayctl");
            config.Settings.Registrar.RegisterInstance(new CommandOutput(output ?? Console.Out));
            config.Settings.Registrar.RegisterInstance(new CommandConsole(console ?? AnsiConsole.Console));
            config.Settings.Registrar.RegisterInstance(new CommandInput(input ?? Console.In));
            if (console is not null)
            {
                config.ConfigureConsole(console);
            }

            config.SetExceptionHandler((ex, _) =>
            {
                (console ?? AnsiConsole.Console).MarkupLine($"[red]error:[/] {Markup.Escape(ex.Message)}");
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
        });
        return app;
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
