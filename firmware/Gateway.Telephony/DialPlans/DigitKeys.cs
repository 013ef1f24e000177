namespace Gateway.Telephony.DialPlans;

/// <summary>The sixteen DTMF keys as small indexes, so a set of keys fits in a <see cref="ushort"/>.</summary>
internal static class DigitKeys
{
    /// <summary>The number of keys: 0-9, *, #, A-D.</summary>
    public const int Count = 16;

    /// <summary>The set of 0-9 (what <c>x</c> stands for).</summary>
    public const ushort AnyDigit = 0x03FF;

    /// <summary>Gets the index of a key: 0-9 for digits, 10 for '*', 11 for '#', 12-15 for A-D; -1 if not a key.</summary>
    public static int IndexOf(char key) => key switch
    {
        >= '0' and <= '9' => key - '0',
        '*' => 10,
        '#' => 11,
        >= 'A' and <= 'D' => key - 'A' + 12,
        >= 'a' and <= 'd' => key - 'a' + 12,
        _ => -1,
    };

    /// <summary>Gets whether a character may appear in a dial string the plan produces (keys, '+' for E.164).</summary>
    public static bool IsDialChar(char c) => c is (>= '0' and <= '9') or '*' or '#' or '+';
}
