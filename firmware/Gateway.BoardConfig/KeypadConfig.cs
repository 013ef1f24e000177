namespace Gateway.BoardConfig;

/// <summary>The keypad: a GPIO matrix, a simulated keypad, or in-band DTMF on an FXS line.</summary>
public sealed class KeypadConfig
{
    /// <summary>Gets the kind: <c>matrix</c>, <c>simulated</c> or <c>dtmf</c> (see <see cref="DeviceKinds.KeypadKinds"/>).</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Gets the BCM pins of the matrix rows (kind <c>matrix</c>).</summary>
    public IReadOnlyList<int> RowPins { get; set; } = [];

    /// <summary>Gets the BCM pins of the matrix columns (kind <c>matrix</c>).</summary>
    public IReadOnlyList<int> ColumnPins { get; set; } = [];

    /// <summary>Gets the key layout: one string per row, one character per column, from <c>0-9 * # A-D</c>.</summary>
    public IReadOnlyList<string> Layout { get; set; } = [];

    /// <summary>Gets the scanner: <c>edge</c> (interrupt on column edges) or <c>keymatrix</c> (polling); default <c>edge</c>.</summary>
    public string Scanner { get; set; } = DeviceKinds.ScannerEdge;

    /// <summary>Gets the scan interval in ms, 1..100; default 15.</summary>
    public int ScanIntervalMs { get; set; } = 15;
}
