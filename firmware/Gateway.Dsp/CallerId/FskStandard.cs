namespace Gateway.Dsp.CallerId;

/// <summary>
/// A 1200 baud FSK modem as used for on-hook caller ID: Bell 202 (Telcordia GR-30, North America) or
/// ITU-T V.23 (ETSI EN 300 659-1, Europe). Mark is binary 1.
/// </summary>
/// <param name="Name">"Bell 202" or "V.23".</param>
/// <param name="MarkFrequency">Frequency of binary 1, Hz.</param>
/// <param name="SpaceFrequency">Frequency of binary 0, Hz.</param>
/// <param name="BaudRate">Bits per second.</param>
public sealed record FskStandard(string Name, double MarkFrequency, double SpaceFrequency, int BaudRate)
{
    /// <summary>Bell 202: mark 1200 Hz, space 2200 Hz.</summary>
    public static FskStandard Bell202 { get; } = new("Bell 202", 1200, 2200, 1200);

    /// <summary>V.23 forward channel: mark 1300 Hz, space 2100 Hz.</summary>
    public static FskStandard V23 { get; } = new("V.23", 1300, 2100, 1200);
}
