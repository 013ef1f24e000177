namespace Gateway.Dsp.Dtmf;

/// <summary>The DTMF grid of ITU-T Q.23: four low-group (row) and four high-group (column) frequencies.</summary>
public static class DtmfFrequencies
{
    private static readonly double[] s_rows = [697, 770, 852, 941];
    private static readonly double[] s_columns = [1209, 1336, 1477, 1633];
    private const string Keys = "123A456B789C*0#D";

    /// <summary>Low-group frequencies in Hz.</summary>
    public static IReadOnlyList<double> Rows => s_rows;

    /// <summary>High-group frequencies in Hz.</summary>
    public static IReadOnlyList<double> Columns => s_columns;

    /// <summary>All sixteen keys in row-major order.</summary>
    public static string AllDigits => Keys;

    /// <summary>The key at <paramref name="row"/>, <paramref name="column"/> (0–3 each).</summary>
    public static char Digit(int row, int column) => Keys[(row * 4) + column];

    /// <summary>Finds the row and column frequencies of <paramref name="digit"/> (0–9, *, #, A–D).</summary>
    public static bool TryGetFrequencies(char digit, out double low, out double high)
    {
        var index = Keys.IndexOf(char.ToUpperInvariant(digit), StringComparison.Ordinal);
        if (index < 0)
        {
            low = high = 0;
            return false;
        }

        low = s_rows[index / 4];
        high = s_columns[index % 4];
        return true;
    }
}
