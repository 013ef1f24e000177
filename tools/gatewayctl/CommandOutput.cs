namespace Gateway.Ctl;

/// <summary>The writer commands print results to, injected so tests can capture it.</summary>
/// <param name="writer">The destination.</param>
public sealed class CommandOutput(TextWriter writer)
{
    /// <summary>The destination.</summary>
    public TextWriter Writer { get; } = writer;
}
