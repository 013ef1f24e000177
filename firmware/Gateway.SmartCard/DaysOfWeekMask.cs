namespace Gateway.SmartCard;

/// <summary>Days a call filter rule applies on (profile tag DF23; bit 1 = Monday).</summary>
[Flags]
public enum DaysOfWeekMask
{
    /// <summary>No day (the rule never matches).</summary>
    None = 0,

    /// <summary>Monday.</summary>
    Monday = 0x01,

    /// <summary>Tuesday.</summary>
    Tuesday = 0x02,

    /// <summary>Wednesday.</summary>
    Wednesday = 0x04,

    /// <summary>Thursday.</summary>
    Thursday = 0x08,

    /// <summary>Friday.</summary>
    Friday = 0x10,

    /// <summary>Saturday.</summary>
    Saturday = 0x20,

    /// <summary>Sunday.</summary>
    Sunday = 0x40,

    /// <summary>Monday to Friday.</summary>
    Weekdays = 0x1F,

    /// <summary>Every day.</summary>
    All = 0x7F,
}
