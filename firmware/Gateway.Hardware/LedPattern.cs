namespace Gateway.Hardware;

/// <summary>What the status LED shows.</summary>
public enum LedPattern
{
    /// <summary>Dark.</summary>
    Off,

    /// <summary>Steady on.</summary>
    On,

    /// <summary>1 Hz, 500 ms on / 500 ms off.</summary>
    BlinkSlow,

    /// <summary>4 Hz, 125 ms on / 125 ms off.</summary>
    BlinkFast,
}
