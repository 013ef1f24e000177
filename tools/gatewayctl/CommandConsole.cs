using Spectre.Console;

namespace Gateway.Ctl;

/// <summary>Where commands report errors, warnings and hints (the same console as usage errors), injected so tests can capture it.</summary>
/// <param name="console">The console.</param>
public sealed class CommandConsole(IAnsiConsole console)
{
    /// <summary>The console.</summary>
    public IAnsiConsole Console { get; } = console;

    /// <summary>Prints one error line and one hint line.</summary>
    /// <param name="error">What went wrong.</param>
    /// <param name="hint">What to do about it.</param>
    public void Error(string error, string hint)
    {
        Console.MarkupLine($"[red]error:[/] {Markup.Escape(error)}");
        Console.MarkupLine($"[grey]hint:[/] {Markup.Escape(hint)}");
    }

    /// <summary>Prints a warning line.</summary>
    /// <param name="warning">The warning.</param>
    public void Warning(string warning) => Console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
}
