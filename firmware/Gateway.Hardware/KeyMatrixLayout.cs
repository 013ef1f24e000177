namespace Gateway.Hardware;

/// <summary>Checks a keypad matrix description: row pins, column pins and one layout string per row.</summary>
public static class KeyMatrixLayout
{
    /// <summary>The standard telephone 3x4 layout.</summary>
    public static IReadOnlyList<string> Telephone3x4 { get; } = Array.AsReadOnly(["123", "456", "789", "*0#"]);

    /// <summary>Throws unless the pins are distinct and the layout matches them with valid, unique keys.</summary>
    /// <param name="rowPins">Row pins.</param>
    /// <param name="columnPins">Column pins.</param>
    /// <param name="layout">One string per row, one key per column.</param>
    /// <exception cref="ArgumentException">The description is inconsistent.</exception>
    public static void Validate(IReadOnlyList<int> rowPins, IReadOnlyList<int> columnPins, IReadOnlyList<string> layout)
    {
        ArgumentNullException.ThrowIfNull(rowPins);
        ArgumentNullException.ThrowIfNull(columnPins);
        ArgumentNullException.ThrowIfNull(layout);
        if (rowPins.Count == 0 || columnPins.Count == 0)
        {
            throw new ArgumentException("A key matrix needs at least one row pin and one column pin.", nameof(rowPins));
        }

        if (rowPins.Concat(columnPins).Distinct().Count() != rowPins.Count + columnPins.Count)
        {
            throw new ArgumentException("Key matrix row and column pins must all be different.", nameof(columnPins));
        }

        if (layout.Count != rowPins.Count)
        {
            throw new ArgumentException($"Key matrix layout has {layout.Count} rows but {rowPins.Count} row pins were given.", nameof(layout));
        }

        var seen = new HashSet<char>();
        foreach (var row in layout)
        {
            if (row is null || row.Length != columnPins.Count)
            {
                throw new ArgumentException($"Key matrix layout row \"{row}\" must have exactly {columnPins.Count} keys, one per column pin.", nameof(layout));
            }

            foreach (var key in row)
            {
                if (!KeypadKeys.IsValid(key))
                {
                    throw new ArgumentException($"Key matrix layout key '{key}' is not one of {KeypadKeys.All}.", nameof(layout));
                }

                if (!seen.Add(key))
                {
                    throw new ArgumentException($"Key matrix layout has key '{key}' twice.", nameof(layout));
                }
            }
        }
    }
}
