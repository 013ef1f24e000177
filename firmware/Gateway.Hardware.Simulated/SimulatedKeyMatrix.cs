using System.Device.Gpio;

namespace Gateway.Hardware.Simulated;

/// <summary>
/// The switch side of a key matrix on a <see cref="SimulatedGpioDriver"/>: pressing a key connects its row
/// pin to its column pin, so any scanner (polled or edge-driven, active-high or active-low) sees it.
/// </summary>
public sealed class SimulatedKeyMatrix
{
    private readonly SimulatedGpioDriver _driver;
    private readonly Dictionary<char, (int Row, int Column)> _keys = [];

    /// <summary>Describes the matrix wiring.</summary>
    /// <param name="driver">The simulated chip.</param>
    /// <param name="rowPins">Row pins, top to bottom.</param>
    /// <param name="columnPins">Column pins, left to right.</param>
    /// <param name="layout">One string per row, one character per column, e.g. ["123","456","789","*0#"].</param>
    public SimulatedKeyMatrix(SimulatedGpioDriver driver, IReadOnlyList<int> rowPins, IReadOnlyList<int> columnPins, IReadOnlyList<string> layout)
    {
        ArgumentNullException.ThrowIfNull(driver);
        KeyMatrixLayout.Validate(rowPins, columnPins, layout);
        _driver = driver;
        for (var r = 0; r < rowPins.Count; r++)
        {
            for (var c = 0; c < columnPins.Count; c++)
            {
                _keys[layout[r][c]] = (rowPins[r], columnPins[c]);
            }
        }
    }

    /// <summary>Closes the key's contact (stays closed until <see cref="Release"/>).</summary>
    /// <param name="key">A key of the layout.</param>
    public void Press(char key)
    {
        var (row, column) = Find(key);
        _driver.Connect(row, column);
    }

    /// <summary>Opens the key's contact.</summary>
    /// <param name="key">A key of the layout.</param>
    public void Release(char key)
    {
        var (row, column) = Find(key);
        _driver.Disconnect(row, column);
    }

    /// <summary>The level the key's column pin reads now (useful in assertions).</summary>
    /// <param name="key">A key of the layout.</param>
    /// <returns>The column level.</returns>
    public PinValue ColumnLevel(char key) => _driver.GetLevel(Find(key).Column);

    private (int Row, int Column) Find(char key) =>
        _keys.TryGetValue(key, out var position)
            ? position
            : throw new ArgumentException($"Key '{key}' is not on this matrix (keys: {string.Concat(_keys.Keys)}).", nameof(key));
}
