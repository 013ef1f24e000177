namespace Gateway.Hardware;

/// <summary>A small character display (16x2 on the pay phone).</summary>
public interface IDisplay : IDisposable
{
    /// <summary>Characters per line.</summary>
    int Columns { get; }

    /// <summary>Number of lines.</summary>
    int Rows { get; }

    /// <summary>What is shown: exactly <see cref="Rows"/> strings of exactly <see cref="Columns"/> characters.</summary>
    IReadOnlyList<string> Lines { get; }

    /// <summary>Shows lines from the top; each is truncated or space-padded, missing lines are blank, extra ones dropped.</summary>
    /// <param name="lines">The text; non-ASCII characters are mapped to what the display can show.</param>
    void Show(params string[] lines);

    /// <summary>Blanks the display.</summary>
    void Clear();
}
