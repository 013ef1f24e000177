using System.Text.RegularExpressions;
using Gateway.BoardConfig.Validation;

namespace Gateway.BoardConfig;

/// <summary>
/// Checks a deserialized board against the rules that JSON typing cannot express (kinds, pins, cross-references).
/// Every error is collected so an installer can fix a file in one pass.
/// </summary>
public static partial class BoardConfigValidator
{
    /// <summary>Validates a board configuration.</summary>
    /// <param name="config">The deserialized board.</param>
    /// <param name="file">The file it came from; used in errors and for the board-name check.</param>
    /// <param name="knownRingCadences">The ring cadence names the hardware layer implements.</param>
    /// <returns>All errors found; empty when the board is valid.</returns>
    public static IReadOnlyList<BoardConfigError> Validate(BoardConfiguration config, string file, IReadOnlyCollection<string> knownRingCadences) =>
        Validate(config, file, knownRingCadences, dialPlanValidator: null);

    /// <summary>Validates a board configuration, checking <c>dialPlan</c> with the given parser.</summary>
    /// <param name="config">The deserialized board.</param>
    /// <param name="file">The file it came from; used in errors and for the board-name check.</param>
    /// <param name="knownRingCadences">The ring cadence names the hardware layer implements.</param>
    /// <param name="dialPlanValidator">Checks the <c>dialPlan</c> text: null when valid, else the reason.</param>
    /// <returns>All errors found; empty when the board is valid.</returns>
    public static IReadOnlyList<BoardConfigError> Validate(
        BoardConfiguration config, string file, IReadOnlyCollection<string> knownRingCadences, Func<string, string?>? dialPlanValidator)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(knownRingCadences);
        var context = new ValidationContext(file, config, knownRingCadences) { DialPlanValidator = dialPlanValidator };
        BoardRules.Name(context, file);
        BoardRules.Gpio(context);
        BoardRules.Location(context);
        BoardRules.Defaults(context);
        BoardRules.Numbers(context);
        Stations(context);
        return context.Errors;
    }

    private static void Stations(ValidationContext context)
    {
        var stations = context.Config.Stations;
        if (stations.Count == 0)
        {
            context.Add("$.stations", "at least one station is required");
            return;
        }

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var readers = new Dictionary<string, string>(StringComparer.Ordinal);
        var audioEndpoints = new Dictionary<string, string>(StringComparer.Ordinal);
        var displays = new Dictionary<(int Bus, int Address), string>();
        var i2cBuses = new Dictionary<int, string>();
        for (var i = 0; i < stations.Count; i++)
        {
            var path = $"$.stations[{i}]";
            if (stations[i] is not { } station)
            {
                context.Add(path, "station must be an object, not null");
                continue;
            }

            Station(context, station, path);
            if (IdPattern().IsMatch(station.Id) && !ids.TryAdd(station.Id, path))
            {
                context.Add(path + ".id", $"duplicate station id '{station.Id}' (also {ids[station.Id]}.id)");
            }

            for (var r = 0; r < station.Readers.Count; r++)
            {
                var readerPath = $"{path}.readers[{r}]";
                if (string.IsNullOrWhiteSpace(station.Readers[r]))
                {
                    context.Add(readerPath, "reader name must not be empty");
                }
                else if (!readers.TryAdd(station.Readers[r], readerPath))
                {
                    context.Add(readerPath, $"reader '{station.Readers[r]}' is already bound at {readers[station.Readers[r]]}; a reader belongs to one station");
                }
            }

            AudioEndpoint(context, audioEndpoints, station.Audio?.Kind == DeviceKinds.Alsa ? station.Audio.Device : null, path + ".audio.device");
            AudioEndpoint(context, audioEndpoints, station.Audio?.Kind == DeviceKinds.Wav ? station.Audio.Sink : null, path + ".audio.sink");
            if (station.Display is { Kind: DeviceKinds.Hd44780Pcf8574, Address: { } address } display)
            {
                if (!displays.TryAdd((display.I2cBus, address), path + ".display"))
                {
                    context.Add(path + ".display.address", $"I2C bus {display.I2cBus} address {address} (0x{address:X2}) is already used by {displays[(display.I2cBus, address)]}");
                }

                i2cBuses.TryAdd(display.I2cBus, path + ".display.i2cBus");
            }
        }

        // On the Raspberry Pi, I2C bus 0 and 1 are fixed to BCM 0/1 and 2/3; those lines cannot also be GPIO.
        foreach (var (bus, path) in i2cBuses.Where(b => b.Key is 0 or 1).OrderBy(b => b.Key))
        {
            context.Pins.Claim(context, path + " (SDA)", bus * 2);
            context.Pins.Claim(context, path + " (SCL)", (bus * 2) + 1);
        }
    }

    private static void Station(ValidationContext context, StationConfig station, string path)
    {
        if (!IdPattern().IsMatch(station.Id))
        {
            context.Add(path + ".id", $"station id '{station.Id}' must match ^[a-z0-9][a-z0-9-]{{0,31}}$ (lower-case letters, digits, '-')");
        }

        InputDeviceRules.Hook(context, station, path);
        if (station.Keypad is { } keypad)
        {
            InputDeviceRules.Keypad(context, keypad, path);
        }

        if (station.Ringer is { } ringer)
        {
            OutputDeviceRules.Ringer(context, station, ringer, path);
        }

        if (station.Slic is { } slic)
        {
            OutputDeviceRules.Slic(context, slic, path);
        }

        if (station.Display is { } display)
        {
            OutputDeviceRules.Display(context, display, path);
        }

        if (station.Coin is { } coin)
        {
            InputDeviceRules.Coin(context, coin, path);
        }

        if (station.Led is { } led)
        {
            OutputDeviceRules.Led(context, led, path);
        }

        OutputDeviceRules.Audio(context, station, path);
        BoardRules.RingCadence(context, path + ".ringCadence", station.RingCadence);
    }

    private static void AudioEndpoint(ValidationContext context, Dictionary<string, string> seen, string? endpoint, string path)
    {
        if (!string.IsNullOrWhiteSpace(endpoint) && !seen.TryAdd(endpoint, path))
        {
            context.Add(path, $"'{endpoint}' is already used by {seen[endpoint]}; two stations cannot share one audio device or sink");
        }
    }

    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,31}\z")]
    private static partial Regex IdPattern();
}
