using Gateway.BoardConfig.Tests.TestSupport;

namespace Gateway.BoardConfig.Tests;

public sealed class BoardConfigLoaderTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("board-config-tests-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Parse_UnknownProperty_ReportsItsPath()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["hook"]!["debounceMS"] = 30;

        var error = Assert.Single(BoardJson.Errors(board));

        Assert.Equal("$.stations[0].hook.debounceMS", error.JsonPath);
        Assert.Contains("unknown property 'debounceMS'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownTopLevelProperty_ReportsItsPath()
    {
        var board = BoardJson.Valid();
        board["station"] = "typo";

        var error = Assert.Single(BoardJson.Errors(board));

        Assert.Equal("$.station", error.JsonPath);
    }

    [Fact]
    public void Parse_InvalidSyntax_ReportsLineAndColumn()
    {
        const string json = "{\n  \"board\": \"test-board\",\n  \"stations\": [ }\n}";

        var error = Assert.Single(BoardJson.Errors(json));

        Assert.Equal(BoardJson.FileName, error.File);
        Assert.Contains("(line 3, column ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"seventeen\"", "an integer")]
    [InlineData("true", "an integer")]
    public void Parse_WrongJsonType_ReportsPathAndExpectedType(string value, string expected)
    {
        var json = BoardJson.Valid().ToJsonString().Replace("\"pin\":17", "\"pin\":" + value, StringComparison.Ordinal);

        var error = Assert.Single(BoardJson.Errors(json));

        Assert.Equal("$.stations[0].hook.pin", error.JsonPath);
        Assert.Contains($"wrong JSON type: expected {expected}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ObjectWhereArrayExpected_ReportsArrayExpected()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["readers"] = "Reader 00 00";

        var error = Assert.Single(BoardJson.Errors(board));

        Assert.Equal("$.stations[0].readers", error.JsonPath);
        Assert.Contains("expected an array", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NullForNonNullableProperty_ReportsPath()
    {
        var json = BoardJson.Valid().ToJsonString().Replace("\"board\":\"test-board\"", "\"board\":null", StringComparison.Ordinal);

        var error = Assert.Single(BoardJson.Errors(json));

        Assert.Equal("$.board", error.JsonPath);
        Assert.Contains("null is not allowed here", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_JsonNull_ReportsExpectedObject()
    {
        var error = Assert.Single(BoardJson.Errors("null"));

        Assert.Equal("$", error.JsonPath);
        Assert.Contains("expected a board object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CommentsAndTrailingCommas_Accepted()
    {
        var json = BoardJson.Valid().ToJsonString()
            .Replace("\"board\":", "// the board name\n \"board\":", StringComparison.Ordinal)
            .Replace("\"Reader 00 00\"]", "\"Reader 00 00\", /* spare */ ]", StringComparison.Ordinal);

        Assert.Empty(BoardJson.Errors(json));
    }

    [Fact]
    public void Parse_OmittedOptionalFields_GetDocumentedDefaults()
    {
        var json = """
            {
              "board": "test-board",
              "gpio": { "driver": "libgpiod" },
              "location": { "country": "US" },
              "stations": [ { "id": "s1", "hook": { "kind": "gpio", "pin": 17 }, "audio": { "kind": "alsa", "device": "hw:0" },
                              "display": { "kind": "hd44780-pcf8574", "address": 63 },
                              "keypad": { "kind": "matrix", "rowPins": [5], "columnPins": [6], "layout": ["1"] } } ]
            }
            """;

        var config = BoardConfigLoader.Parse(json, BoardJson.FileName, BoardConfigLoader.DefaultRingCadences);

        var station = Assert.Single(config.Stations);
        Assert.Equal(0, config.Gpio!.Chip);
        Assert.Equal("us-standard", config.Defaults.RingCadence);
        Assert.Equal(["PCMU", "PCMA"], config.Defaults.Codecs);
        Assert.Equal("us", config.Defaults.TonePlan);
        Assert.Equal("keep-until-hangup", config.Defaults.CardRemoval);
        Assert.Empty(config.EmergencyNumbers);
        Assert.Equal((30, 80, 800), (station.Hook!.DebounceMs, station.Hook.FlashMinMs, station.Hook.FlashMaxMs));
        Assert.Equal((1, 16, 2), (station.Display!.I2cBus, station.Display.Columns, station.Display.Rows));
        Assert.Equal(("edge", 15), (station.Keypad!.Scanner, station.Keypad.ScanIntervalMs));
        Assert.Equal(20, station.Audio!.PeriodMs);
        Assert.Empty(station.Readers);
        Assert.Equal("us-standard", config.RingCadenceFor(station));
    }

    [Fact]
    public void Load_MissingFile_ReportsNotFound()
    {
        var path = Path.Combine(_directory, "absent.json");

        var ex = Assert.Throws<BoardConfigException>(() => BoardConfigLoader.Load(path));

        var error = Assert.Single(ex.Errors);
        Assert.Equal(path, error.File);
        Assert.Contains("board file not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_InvalidFile_ThrowsWithMultiLineSummaryNamingFileAndPaths()
    {
        var path = Path.Combine(_directory, "test-board.json");
        var board = BoardJson.Valid();
        board.Remove("location");
        BoardJson.Station(board).Remove("audio");
        File.WriteAllText(path, board.ToJsonString());

        var ex = Assert.Throws<BoardConfigException>(() => BoardConfigLoader.Load(path));

        var lines = ex.Message.Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal($"Board configuration {path} is invalid (2 errors):", lines[0]);
        Assert.Equal($"  {path}: $.location: location is required: emergency calls carry it (at least \"country\", ideally \"civicAddress\")", lines[1]);
        Assert.StartsWith($"  {path}: $.stations[0].audio: station has no audio", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ValidFile_ReturnsConfiguration()
    {
        var path = Path.Combine(_directory, "test-board.json");
        File.WriteAllText(path, BoardJson.Valid().ToJsonString());

        var config = BoardConfigLoader.Load(path);

        Assert.Equal("test-board", config.Board);
        Assert.Equal([5, 6, 13, 19], config.Stations[0].Keypad!.RowPins);
    }

    [Fact]
    public void Load_HostCadenceList_IsUsedInsteadOfDefaults()
    {
        var path = Path.Combine(_directory, "test-board.json");
        File.WriteAllText(path, BoardJson.Valid().ToJsonString());

        var ex = Assert.Throws<BoardConfigException>(() => BoardConfigLoader.Load(path, ["uk-double"]));

        BoardJson.AssertError(ex.Errors, "$.defaults.ringCadence", "unknown ring cadence 'us-standard'");
    }

    [Fact]
    public void Resolve_BareName_MapsToJsonFileInBoardDirectory()
    {
        File.WriteAllText(Path.Combine(_directory, "bench.json"), "{}");

        var path = BoardConfigLoader.Resolve("bench", _directory);

        Assert.Equal(Path.Combine(_directory, "bench.json"), path);
    }

    [Fact]
    public void Resolve_Path_ReturnsThatFile()
    {
        var file = Path.Combine(_directory, "custom.json");
        File.WriteAllText(file, "{}");

        Assert.Equal(file, BoardConfigLoader.Resolve(file, "/nonexistent"));
    }

    [Fact]
    public void Resolve_UnknownName_ListsAvailableBoardsButNotTheSchema()
    {
        File.WriteAllText(Path.Combine(_directory, "bench.json"), "{}");
        File.WriteAllText(Path.Combine(_directory, "rpi4-payphone.json"), "{}");
        File.WriteAllText(Path.Combine(_directory, "board-config.schema.json"), "{}");

        var ex = Assert.Throws<BoardConfigException>(() => BoardConfigLoader.Resolve("rpi9", _directory));

        var error = Assert.Single(ex.Errors);
        Assert.Contains("unknown board 'rpi9'", error.Message, StringComparison.Ordinal);
        Assert.EndsWith(": bench, rpi4-payphone", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bench", 2)]
    [InlineData("rpi4-ag1171", 1)]
    [InlineData("rpi4-payphone", 1)]
    [InlineData("rpi5-bay4", 4)]
    public void Load_ShippedBoard_ValidatesCleanly(string board, int stations)
    {
        var config = BoardConfigLoader.Load(BoardConfigLoader.Resolve(board, RepoPaths.BoardDirectory));

        Assert.Equal(board, config.Board);
        Assert.Equal(stations, config.Stations.Count);
        Assert.Equal("./board-config.schema.json", config.Schema);
    }

    [Fact]
    public void AvailableBoards_ShippedDirectory_ListsTheFourBoards()
    {
        Assert.Equal(["bench", "rpi4-ag1171", "rpi4-payphone", "rpi5-bay4"], BoardConfigLoader.AvailableBoards(RepoPaths.BoardDirectory));
    }

    [Fact]
    public void Load_BenchBoard_HasTwoStationsWithTheirVirtualReaders()
    {
        var config = BoardConfigLoader.Load(Path.Combine(RepoPaths.BoardDirectory, "bench.json"));

        Assert.Equal("simulated", config.Gpio!.Driver);
        Assert.Equal(["station-1", "station-2"], config.Stations.Select(s => s.Id));
        Assert.Equal(["Virtual PCD 00 00"], config.Stations[0].Readers);
        Assert.Equal(["Virtual PCD 00 01"], config.Stations[1].Readers);
    }
}
