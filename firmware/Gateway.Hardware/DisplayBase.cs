namespace Gateway.Hardware;

/// <summary>
/// Shared <see cref="IDisplay"/> behaviour: fitting text to the geometry and rendering only changed rows.
/// </summary>
public abstract class DisplayBase : IDisplay
{
    private readonly Lock _gate = new();
    private IReadOnlyList<string> _lines;
    private bool _disposed;

    /// <summary>Creates a display of the given geometry, initially blank.</summary>
    /// <param name="columns">Characters per line (1–40).</param>
    /// <param name="rows">Lines (1–4).</param>
    protected DisplayBase(int columns, int rows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(columns, 40);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rows, 4);
        Columns = columns;
        Rows = rows;
        _lines = DisplayText.Fit([], columns, rows);
    }

    /// <inheritdoc/>
    public int Columns { get; }

    /// <inheritdoc/>
    public int Rows { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_gate)
            {
                return _lines;
            }
        }
    }

    /// <inheritdoc/>
    public void Show(params string[] lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var fitted = DisplayText.Fit(lines, Columns, Rows);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var previous = _lines;
            _lines = fitted;
            for (var row = 0; row < Rows; row++)
            {
                if (!string.Equals(previous[row], fitted[row], StringComparison.Ordinal))
                {
                    RenderRow(row, fitted[row]);
                }
            }

            OnShown(fitted);
        }
    }

    /// <inheritdoc/>
    public void Clear() => Show();

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Writes one full row (exactly <see cref="Columns"/> characters) to the device. Called under lock.</summary>
    /// <param name="row">Row index.</param>
    /// <param name="text">The fitted text.</param>
    protected abstract void RenderRow(int row, string text);

    /// <summary>Called under lock after every <see cref="Show"/>, with the new content.</summary>
    /// <param name="lines">The fitted lines.</param>
    protected virtual void OnShown(IReadOnlyList<string> lines)
    {
    }

    /// <summary>Releases the device.</summary>
    /// <param name="disposing">True from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        lock (_gate)
        {
            _disposed = true;
        }
    }
}
