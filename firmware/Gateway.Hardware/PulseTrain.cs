namespace Gateway.Hardware;

/// <summary>
/// The pulses of one rotary digit being collected. Remembers only the first reason it became invalid,
/// because that is the one worth logging.
/// </summary>
internal sealed class PulseTrain
{
    public bool Active { get; private set; }

    public int Pulses { get; private set; }

    public string? InvalidReason { get; private set; }

    public DateTimeOffset LastMakeStart { get; set; }

    public void Begin(string? invalidReason)
    {
        Active = true;
        Pulses = 0;
        InvalidReason = invalidReason;
    }

    public void AddPulse() => Pulses++;

    public void Invalidate(string reason) => InvalidReason ??= reason;

    public void Reset()
    {
        Active = false;
        Pulses = 0;
        InvalidReason = null;
    }

    /// <summary>'1'..'9' for one to nine pulses, '0' for ten.</summary>
    public char Digit => Pulses == 10 ? '0' : (char)('0' + Pulses);
}
