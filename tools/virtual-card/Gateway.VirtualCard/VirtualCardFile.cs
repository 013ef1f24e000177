using Gateway.SmartCard;

namespace Gateway.VirtualCard;

/// <summary>
/// The JSON personalization of a virtual card. Test data only: it holds the PIN and the HA1 values in clear.
/// </summary>
public sealed class VirtualCardFile
{
    /// <summary>Applet, storage card, or unrelated card.</summary>
    public VirtualCardKind Kind { get; init; } = VirtualCardKind.Applet;

    /// <summary><c>T1</c> or <c>T0</c>; T=0 answers case-4 commands with 61xx and needs GET RESPONSE.</summary>
    public string Protocol { get; init; } = "T1";

    /// <summary>The PIN (4–12 digits) or null when the applet requires none.</summary>
    public string? Pin { get; init; }

    /// <summary>Tries left at power-up (0 = blocked).</summary>
    public int PinTriesLeft { get; init; } = FollowMeApplication.PinTryLimit;

    /// <summary>HA1 per algorithm token (<c>MD5</c>, <c>SHA-256</c>, <c>SHA-512-256</c>) as hex.</summary>
    public Dictionary<string, string> Ha1 { get; init; } = [];

    /// <summary>Test hook: raw record bytes (hex) served instead of the encoded <see cref="Profile"/>, to model corrupt cards.</summary>
    public string? RecordOverrideHex { get; init; }

    /// <summary>
    /// Test hook: the card is pulled when the n-th command APDU of a connection arrives (the connection to vpcd is
    /// closed instead of answering), to model a removal while pcscd's SCardTransmit is in flight. Null: never.
    /// </summary>
    public int? PullAtApdu { get; init; }

    /// <summary>The account.</summary>
    public AccountProfile Profile { get; init; } = new();
}
