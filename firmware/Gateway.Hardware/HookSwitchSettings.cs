using System.Globalization;

namespace Gateway.Hardware;

/// <summary>
/// Timing rules for <see cref="HookSwitchBase"/>. Defaults suit a rotary dial at 10 pulses per second
/// (nominal 60 ms break / 40 ms make) and a 80–800 ms hook flash.
/// </summary>
/// <remarks>
/// Pulse tolerances: a break of 40–75 ms and a make of 30–60 ms cover dials from roughly 8 to 12 pps with
/// break ratios of 58–67 %. The break maximum stays below <see cref="FlashMin"/> so a single on-hook interval
/// can never be both a pulse and a flash. Minimums cannot be below <see cref="Debounce"/>, because shorter
/// levels are discarded as chatter before classification.
/// </remarks>
public sealed class HookSwitchSettings
{
    /// <summary>A raw level must be stable this long before it counts. Default 30 ms.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>Shortest on-hook interval reported as a <see cref="HookFlash"/>. Default 80 ms.</summary>
    public TimeSpan FlashMin { get; init; } = TimeSpan.FromMilliseconds(80);

    /// <summary>
    /// Longest on-hook interval reported as a <see cref="HookFlash"/> (inclusive). Once the hook has been down
    /// longer than this, <see cref="HookChanged"/>(false) is reported. Default 800 ms.
    /// </summary>
    public TimeSpan FlashMax { get; init; } = TimeSpan.FromMilliseconds(800);

    /// <summary>Whether short breaks are decoded as rotary digits. Default true.</summary>
    public bool PulseDialing { get; init; } = true;

    /// <summary>Shortest accepted pulse break (on-hook). Default 40 ms.</summary>
    public TimeSpan PulseBreakMin { get; init; } = TimeSpan.FromMilliseconds(40);

    /// <summary>Longest accepted pulse break (on-hook). Default 75 ms.</summary>
    public TimeSpan PulseBreakMax { get; init; } = TimeSpan.FromMilliseconds(75);

    /// <summary>Shortest accepted make (off-hook) between two pulses. Default 30 ms.</summary>
    public TimeSpan PulseMakeMin { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>
    /// Longest make between pulses of one digit. Off-hook for longer closes the pulse train. Default 60 ms.
    /// </summary>
    public TimeSpan PulseMakeMax { get; init; } = TimeSpan.FromMilliseconds(60);

    /// <summary>
    /// Off-hook time after the last pulse before the digit is emitted, and the minimum gap between two
    /// digits: a train that starts sooner after the previous one is discarded. Default 300 ms.
    /// </summary>
    public TimeSpan InterDigitGap { get; init; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Checks that the values are consistent.</summary>
    /// <exception cref="ArgumentException">A value is out of range or contradicts another.</exception>
    public void Validate()
    {
        Require(Debounce > TimeSpan.Zero && Debounce <= TimeSpan.FromSeconds(1), nameof(Debounce), "must be between 0 (exclusive) and 1 s");
        Require(FlashMin >= Debounce, nameof(FlashMin), $"({Ms(FlashMin)}) must be at least {nameof(Debounce)} ({Ms(Debounce)})");
        Require(FlashMax > FlashMin, nameof(FlashMax), $"({Ms(FlashMax)}) must be greater than {nameof(FlashMin)} ({Ms(FlashMin)})");
        Require(FlashMax <= TimeSpan.FromSeconds(5), nameof(FlashMax), $"({Ms(FlashMax)}) must be at most 5000 ms, or hang-ups are reported too late");
        if (!PulseDialing)
        {
            return;
        }

        Require(PulseBreakMin >= Debounce, nameof(PulseBreakMin), $"({Ms(PulseBreakMin)}) must be at least {nameof(Debounce)} ({Ms(Debounce)})");
        Require(PulseBreakMax > PulseBreakMin, nameof(PulseBreakMax), $"({Ms(PulseBreakMax)}) must be greater than {nameof(PulseBreakMin)} ({Ms(PulseBreakMin)})");
        Require(PulseBreakMax < FlashMin, nameof(PulseBreakMax), $"({Ms(PulseBreakMax)}) must be less than {nameof(FlashMin)} ({Ms(FlashMin)}) so pulses and flashes cannot overlap");
        Require(PulseMakeMin >= Debounce, nameof(PulseMakeMin), $"({Ms(PulseMakeMin)}) must be at least {nameof(Debounce)} ({Ms(Debounce)})");
        Require(PulseMakeMax > PulseMakeMin, nameof(PulseMakeMax), $"({Ms(PulseMakeMax)}) must be greater than {nameof(PulseMakeMin)} ({Ms(PulseMakeMin)})");
        Require(InterDigitGap > PulseMakeMax, nameof(InterDigitGap), $"({Ms(InterDigitGap)}) must be greater than {nameof(PulseMakeMax)} ({Ms(PulseMakeMax)})");
    }

    private static string Ms(TimeSpan value) => value.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + " ms";

    private static void Require(bool condition, string name, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"Hook switch setting {name} {rule}.", name);
        }
    }
}
