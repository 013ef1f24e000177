using Gateway.Hardware;

namespace Gateway.Telephony.Stations;

/// <summary>
/// The devices one station drives. The host builds them (GPIO or simulated) and hands them over;
/// the station owns and disposes them.
/// </summary>
public sealed class StationDevices : IDisposable
{
    /// <summary>Gets the hook switch (a handset's switch, or a SLIC's SHK line).</summary>
    public required IHookSwitch HookSwitch { get; init; }

    /// <summary>Gets the ringer (a relay-driven bell, or a SLIC's ring generator).</summary>
    public required IRinger Ringer { get; init; }

    /// <summary>Gets the keypad, or <see langword="null"/> on an FXS port where digits arrive as DTMF or pulses.</summary>
    public IKeypad? Keypad { get; init; }

    /// <summary>Gets the display, or <see langword="null"/> when the station has none.</summary>
    public IDisplay? Display { get; init; }

    /// <summary>Gets the coin acceptor, or <see langword="null"/>.</summary>
    public ICoinAcceptor? CoinAcceptor { get; init; }

    /// <summary>Gets the status LED, or <see langword="null"/>.</summary>
    public IStatusLed? StatusLed { get; init; }

    /// <summary>Gets other disposables the devices depend on (a shared SLIC, an I2C bus), disposed last.</summary>
    public IReadOnlyList<IDisposable> Extras { get; init; } = [];

    /// <inheritdoc />
    public void Dispose()
    {
        // Ringer first: a bell must never be left energized when the process stops.
        Ringer.Dispose();
        Keypad?.Dispose();
        HookSwitch.Dispose();
        Display?.Dispose();
        CoinAcceptor?.Dispose();
        StatusLed?.Dispose();
        foreach (var extra in Extras)
        {
            extra.Dispose();
        }
    }
}
