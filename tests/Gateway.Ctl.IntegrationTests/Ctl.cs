using Spectre.Console;

namespace Gateway.Ctl.IntegrationTests;

/// <summary>Runs gatewayctl in-process with captured result and console writers.</summary>
internal static class Ctl
{
    public static async Task<(int ExitCode, string Output, string Console)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var consoleText = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(consoleText), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        console.Profile.Width = 240;
        var exitCode = await GatewayCtlApp.Create(output, console, new StringReader(string.Empty)).RunAsync(args);
        return (exitCode, output.ToString(), consoleText.ToString());
    }

    /// <summary>Runs a local tool and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> ToolAsync(string file, params string[] args) =>
        Commands.Field.LocalProcess.RunAsync(file, args, CancellationToken.None);
}
