namespace Gateway.SmartCard;

/// <summary>The ISO 7816-4 status words the follow-me profile uses (docs/card-profile.md §9).</summary>
public static class StatusWords
{
    /// <summary>Success.</summary>
    public const ushort Success = 0x9000;

    /// <summary>Wrong length.</summary>
    public const ushort WrongLength = 0x6700;

    /// <summary>Security status not satisfied (PIN not verified).</summary>
    public const ushort SecurityNotSatisfied = 0x6982;

    /// <summary>Authentication method blocked (PIN blocked).</summary>
    public const ushort PinBlocked = 0x6983;

    /// <summary>Conditions of use not satisfied (no application selected).</summary>
    public const ushort ConditionsNotSatisfied = 0x6985;

    /// <summary>Incorrect data in the command.</summary>
    public const ushort IncorrectData = 0x6A80;

    /// <summary>Function not supported (algorithm).</summary>
    public const ushort FunctionNotSupported = 0x6A81;

    /// <summary>Application or file not found.</summary>
    public const ushort FileNotFound = 0x6A82;

    /// <summary>Incorrect P1/P2.</summary>
    public const ushort IncorrectP1P2 = 0x6A86;

    /// <summary>Referenced data not found.</summary>
    public const ushort ReferencedDataNotFound = 0x6A88;

    /// <summary>Offset beyond the end of the file.</summary>
    public const ushort WrongOffset = 0x6B00;

    /// <summary>Instruction not supported.</summary>
    public const ushort InstructionNotSupported = 0x6D00;

    /// <summary>Class not supported.</summary>
    public const ushort ClassNotSupported = 0x6E00;

    /// <summary>SW1 meaning "xx more bytes available via GET RESPONSE".</summary>
    public const byte BytesAvailable = 0x61;

    /// <summary>SW1 meaning "wrong Le, the exact length is in SW2".</summary>
    public const byte WrongLe = 0x6C;

    /// <summary>SW1 of a wrong PIN / tries-left answer (63Cx).</summary>
    public const byte Warning = 0x63;
}
