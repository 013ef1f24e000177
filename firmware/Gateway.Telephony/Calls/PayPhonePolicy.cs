namespace Gateway.Telephony.Calls;

/// <summary>What a station may dial without a card (pay-phone mode): the board's emergency and free numbers only.</summary>
/// <param name="EmergencyNumbers">Emergency numbers from the board file (e.g. "911", "112").</param>
/// <param name="FreeNumbers">Toll-free or service numbers from the board file.</param>
public sealed record PayPhonePolicy(IReadOnlyList<string> EmergencyNumbers, IReadOnlyList<string> FreeNumbers)
{
    /// <summary>Gets a policy that allows nothing without a card.</summary>
    public static PayPhonePolicy None { get; } = new([], []);

    /// <summary>Whether a number may be called without a card.</summary>
    /// <param name="number">The number after the dial plan.</param>
    /// <returns>Whether it is an emergency or free number.</returns>
    public bool IsAllowed(string number) => IsEmergency(number) || Contains(FreeNumbers, number);

    /// <summary>Whether a number is an emergency number.</summary>
    /// <param name="number">The number after the dial plan.</param>
    /// <returns>Whether it is.</returns>
    public bool IsEmergency(string number) => Contains(EmergencyNumbers, number);

    private static bool Contains(IReadOnlyList<string> numbers, string number) =>
        !string.IsNullOrEmpty(number) && numbers.Any(n => string.Equals(n?.Trim(), number, StringComparison.Ordinal));
}
