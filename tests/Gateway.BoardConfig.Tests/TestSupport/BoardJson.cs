using System.Text.Json.Nodes;

namespace Gateway.BoardConfig.Tests.TestSupport;

/// <summary>
/// Builds a small board that is valid as it stands; each test breaks exactly one thing in it,
/// so an error seen can only come from the rule under test.
/// </summary>
internal static class BoardJson
{
    public const string FileName = "test-board.json";

    public static JsonObject Valid() => JsonNode.Parse("""
        {
          "board": "test-board",
          "gpio": { "driver": "libgpiod", "chip": 0 },
          "location": { "country": "US", "civicAddress": "1 Main St", "latitude": 39.8, "longitude": -89.6 },
          "defaults": { "ringCadence": "us-standard", "codecs": ["PCMU", "PCMA"], "tonePlan": "us" },
          "emergencyNumbers": ["911"],
          "freeNumbers": ["611"],
          "stations": [
            {
              "id": "booth-1",
              "hook": { "kind": "gpio", "pin": 17, "activeLow": true, "debounceMs": 30, "flashMinMs": 80, "flashMaxMs": 800 },
              "keypad": { "kind": "matrix", "rowPins": [5, 6, 13, 19], "columnPins": [12, 16, 20], "layout": ["123", "456", "789", "*0#"] },
              "ringer": { "kind": "relay", "pin": 27 },
              "display": { "kind": "hd44780-pcf8574", "i2cBus": 1, "address": 39 },
              "coin": { "kind": "gpio", "pin": 26, "centsPerPulse": 25 },
              "led": { "kind": "gpio", "pin": 4 },
              "audio": { "kind": "alsa", "device": "plughw:1,0" },
              "readers": ["Reader 00 00"]
            }
          ]
        }
        """)!.AsObject();

    /// <summary>A second station on free pins, for cross-station rules.</summary>
    public static JsonObject SecondStation() => JsonNode.Parse("""
        {
          "id": "booth-2",
          "hook": { "kind": "gpio", "pin": 21 },
          "ringer": { "kind": "relay", "pin": 22 },
          "audio": { "kind": "alsa", "device": "plughw:2,0" },
          "readers": ["Reader 00 01"]
        }
        """)!.AsObject();

    /// <summary>An FXS station: hook and ringer from an AG1171 SLIC.</summary>
    public static JsonObject SlicStation() => JsonNode.Parse("""
        {
          "id": "fxs-1",
          "hook": { "kind": "slic" },
          "keypad": { "kind": "dtmf" },
          "ringer": { "kind": "slic" },
          "slic": { "kind": "ag1171", "forwardReversePin": 23, "ringModePin": 24, "switchHookPin": 25, "ringFrequencyHz": 20 },
          "audio": { "kind": "alsa", "device": "plughw:3,0" }
        }
        """)!.AsObject();

    /// <summary>A bench board: simulated GPIO driver, simulated keypad, ringer and display.</summary>
    public static JsonObject AllSimulated() => JsonNode.Parse("""
        {
          "board": "test-board",
          "gpio": { "driver": "simulated" },
          "location": { "country": "US" },
          "stations": [
            {
              "id": "sim-1",
              "hook": { "kind": "gpio", "pin": 17 },
              "keypad": { "kind": "simulated" },
              "ringer": { "kind": "simulated" },
              "display": { "kind": "simulated" },
              "audio": { "kind": "null" }
            }
          ]
        }
        """)!.AsObject();

    public static JsonObject Station(JsonObject board, int index = 0) => board["stations"]![index]!.AsObject();

    /// <summary>Deserializes and validates; returns every error (none when the board is valid).</summary>
    public static IReadOnlyList<BoardConfigError> Errors(JsonNode board, string file = FileName) => Errors(board.ToJsonString(), file);

    public static IReadOnlyList<BoardConfigError> Errors(string json, string file = FileName)
    {
        try
        {
            BoardConfigLoader.Parse(json, file, BoardConfigLoader.DefaultRingCadences);
            return [];
        }
        catch (BoardConfigException ex)
        {
            return ex.Errors;
        }
    }

    /// <summary>Asserts that an error at exactly <paramref name="jsonPath"/> mentions <paramref name="fragment"/>.</summary>
    public static BoardConfigError AssertError(IReadOnlyList<BoardConfigError> errors, string jsonPath, string fragment)
    {
        var match = errors.FirstOrDefault(e => e.JsonPath == jsonPath && e.Message.Contains(fragment, StringComparison.OrdinalIgnoreCase));
        Assert.True(match is not null, $"expected an error at {jsonPath} containing '{fragment}'; got:\n{string.Join('\n', errors)}");
        return match!;
    }
}
