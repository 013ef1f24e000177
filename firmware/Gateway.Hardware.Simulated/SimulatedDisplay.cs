namespace Gateway.Hardware.Simulated;

/// <summary>A display that only keeps its text; the bench renders it from <see cref="Changed"/> or <see cref="IDisplay.Lines"/>.</summary>
public sealed class SimulatedDisplay : DisplayBase
{
    /// <summary>Creates a blank display.</summary>
    /// <param name="columns">Characters per line (default 16).</param>
    /// <param name="rows">Lines (default 2).</param>
    public SimulatedDisplay(int columns = 16, int rows = 2)
        : base(columns, rows)
    {
    }

    /// <summary>
    /// Raised after each Show/Clear with the new lines, synchronously under the display lock: handlers must
    /// only copy or enqueue.
    /// </summary>
    public event EventHandler<IReadOnlyList<string>>? Changed;

    /// <inheritdoc/>
    protected override void RenderRow(int row, string text)
    {
        // Nothing to drive: the text lives in Lines.
    }

    /// <inheritdoc/>
    protected override void OnShown(IReadOnlyList<string> lines) => Changed?.Invoke(this, lines);
}
