using Spectre.Console;

namespace Gateway.Ctl.Commands.Field;

/// <summary>A Spectre console on the result writer, so tables go where 'command &gt; file' captures them.</summary>
public static class ResultConsole
{
    /// <summary>Creates the console: colours only on a real terminal.</summary>
    /// <param name="output">The result writer.</param>
    /// <returns>The console.</returns>
    public static IAnsiConsole For(CommandOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var real = ReferenceEquals(output.Writer, Console.Out);
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output.Writer),
            Ansi = real ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = real ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
    }
}
