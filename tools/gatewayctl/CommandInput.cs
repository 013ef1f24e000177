namespace Gateway.Ctl;

/// <summary>Standard input, injected so tests can feed a password to <c>--password-stdin</c>.</summary>
/// <param name="reader">The source.</param>
public sealed class CommandInput(TextReader reader)
{
    /// <summary>The source.</summary>
    public TextReader Reader { get; } = reader;
}
