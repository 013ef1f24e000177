namespace Gateway.Hardware;

/// <summary>The keys a telephone keypad can report: 0-9, *, # and the DTMF extras A-D.</summary>
public static class KeypadKeys
{
    /// <summary>All valid keys, in DTMF order.</summary>
    public const string All = "123A456B789C*0#D";

    /// <summary>True for 0-9, *, # and A-D (upper case only, as printed on the keys).</summary>
    /// <param name="key">The key to check.</param>
    /// <returns>Whether the key is valid.</returns>
    public static bool IsValid(char key) => All.Contains(key, StringComparison.Ordinal);
}
