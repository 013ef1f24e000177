using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Bench.Perf;

/// <summary>
/// The board file of case e: a bay of N bench stations on the simulated GPIO driver (a hook switch on its own line,
/// a simulated keypad, WAV audio), no card readers, and the bench's toll-free number as the one free number, so
/// every station can place a paid-for-by-nobody call without a card, as a lobby bay's free line does.
/// </summary>
internal static class BayBoard
{
    /// <summary>The first GPIO line used; 0 and 1 are the HAT ID EEPROM's I²C on a real Pi and stay free here too.</summary>
    private const int FirstPin = 2;

    /// <summary>The largest bay: the pins 2-53 the schema allows, one hook line per station.</summary>
    public const int MaxStations = 52;

    public static string StationId(int index) => $"bay-{index + 1}";

    /// <summary>Writes the board file for <paramref name="stations"/> stations and returns its path.</summary>
    /// <param name="directory">Where the board file and the stations' received audio go.</param>
    /// <param name="stations">N, 1 to <see cref="MaxStations"/>.</param>
    /// <param name="sourceWav">The WAV every station plays as its microphone.</param>
    public static string Write(string directory, int stations, string sourceWav)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(stations, MaxStations);
        Directory.CreateDirectory(directory);
        var list = new JsonArray();
        for (var i = 0; i < stations; i++)
        {
            list.Add(new JsonObject
            {
                ["id"] = StationId(i),
                ["name"] = $"Bay booth {i + 1}",
                ["hook"] = new JsonObject { ["kind"] = "gpio", ["pin"] = FirstPin + i, ["activeLow"] = true, ["debounceMs"] = 30, ["flashMinMs"] = 80, ["flashMaxMs"] = 800 },
                ["keypad"] = new JsonObject { ["kind"] = "simulated" },
                ["audio"] = new JsonObject { ["kind"] = "wav", ["source"] = sourceWav, ["sink"] = Path.Combine(directory, $"{StationId(i)}-rx.wav") },
            });
        }

        var board = new JsonObject
        {
            ["board"] = $"perf-bay-{stations}",
            ["description"] = $"Perf case e: a bay of {stations} bench station(s), WAV audio, no readers.",
            ["gpio"] = new JsonObject { ["driver"] = "simulated", ["chip"] = 0 },
            ["location"] = new JsonObject { ["description"] = "Perf bay (not a real booth)", ["country"] = "US", ["civicAddress"] = "Development bench, no dispatchable address" },
            ["defaults"] = new JsonObject { ["ringCadence"] = "us-standard", ["codecs"] = new JsonArray("PCMU"), ["tonePlan"] = "us" },
            ["dialPlan"] = "<1[2-9]xxxxxxxxx|911>",
            ["emergencyNumbers"] = new JsonArray("911"),
            ["freeNumbers"] = new JsonArray(BenchNetwork.TollFreeNumber),
            ["stations"] = list,
        };
        var path = Path.Combine(directory, $"perf-bay-{stations}.json");
        File.WriteAllText(path, board.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}
