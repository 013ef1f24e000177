using Gateway.Ctl.Commands.Sip;
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
    /// <param name="console">Where help and usage errors go; the real console when null.</param>
    /// <returns>The configured application.</returns>
    public static CommandApp Create(TextWriter? output = null, IAnsiConsole? console = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("gatewayctl");
            config.Settings.Registrar.RegisterInstance(new CommandOutput(output ?? Console.Out));
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
        });
        return app;
    }
}
