using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.BoardConfig.Tests.TestSupport;

namespace Gateway.BoardConfig.Tests;

/// <summary>Board-level and station-level rules; device rules are in the other part of this class.</summary>
public sealed partial class BoardConfigValidatorTests
{
    [Fact]
    public void Validate_BaselineBoards_ReturnNoErrors()
    {
        // Every other test breaks one thing in these; they must be clean to begin with.
        var withFxs = BoardJson.Valid();
        withFxs["stations"]!.AsArray().Add(BoardJson.SecondStation());
        withFxs["stations"]!.AsArray().Add(BoardJson.SlicStation());

        Assert.Empty(BoardJson.Errors(BoardJson.Valid()));
        Assert.Empty(BoardJson.Errors(withFxs));
        Assert.Empty(BoardJson.Errors(BoardJson.AllSimulated()));
    }

    [Fact]
    public void Validate_BoardNameDiffersFromFileName_ReportsBoard()
    {
        var errors = BoardJson.Errors(BoardJson.Valid(), "other-board.json");

        BoardJson.AssertError(errors, "$.board", "does not match the file name 'other-board'");
    }

    [Fact]
    public void Validate_BoardNameMissing_ReportsBoard()
    {
        var board = BoardJson.Valid();
        board.Remove("board");

        BoardJson.AssertError(BoardJson.Errors(board), "$.board", "board is required");
    }

    [Fact]
    public void Validate_NoStations_ReportsStations()
    {
        var board = BoardJson.Valid();
        board["stations"] = new JsonArray();

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations", "at least one station");
    }

    [Theory]
    [InlineData("Booth-1")]
    [InlineData("-booth")]
    [InlineData("booth_1")]
    [InlineData("booth-1\n")]
    [InlineData("")]
    [InlineData("a23456789012345678901234567890123")]
    public void Validate_StationIdBadFormat_ReportsId(string id)
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["id"] = id;

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].id", "must match");
    }

    [Fact]
    public void Validate_DuplicateStationId_ReportsSecondStation()
    {
        var board = BoardJson.Valid();
        var second = BoardJson.SecondStation();
        second["id"] = "booth-1";
        board["stations"]!.AsArray().Add(second);

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[1].id", "duplicate station id 'booth-1' (also $.stations[0].id)");
    }

    [Fact]
    public void Validate_StationWithoutAudio_ReportsAudio()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board).Remove("audio");

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].audio", "station has no audio");
    }

    [Fact]
    public void Validate_StationWithoutHook_ReportsHook()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board).Remove("hook");

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].hook", "station has no hook");
    }

    [Fact]
    public void Validate_ReaderBoundToTwoStations_ReportsSecondBinding()
    {
        var board = BoardJson.Valid();
        var second = BoardJson.SecondStation();
        second["readers"] = new JsonArray("Reader 00 00");
        board["stations"]!.AsArray().Add(second);

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[1].readers[0]", "already bound at $.stations[0].readers[0]");
    }

    [Fact]
    public void Validate_SameReaderTwiceInOneStation_ReportsSecondEntry()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["readers"] = new JsonArray("Reader 00 00", "Reader 00 00");

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].readers[1]", "already bound at $.stations[0].readers[0]");
    }

    [Fact]
    public void Validate_EmptyReaderName_ReportsReader()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["readers"] = new JsonArray(" ");

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].readers[0]", "must not be empty");
    }

    [Fact]
    public void Validate_MissingLocation_ReportsLocation()
    {
        var board = BoardJson.Valid();
        board.Remove("location");

        BoardJson.AssertError(BoardJson.Errors(board), "$.location", "location is required");
    }

    [Fact]
    public void Validate_LocationWithoutCountry_ReportsCountry()
    {
        var board = BoardJson.Valid();
        board["location"]!.AsObject().Remove("country");

        BoardJson.AssertError(BoardJson.Errors(board), "$.location.country", "needs \"country\"");
    }

    [Theory]
    [InlineData("us")]
    [InlineData("USA")]
    [InlineData("US\n")]
    public void Validate_CountryNotAlpha2_ReportsCountry(string country)
    {
        var board = BoardJson.Valid();
        board["location"]!["country"] = country;

        BoardJson.AssertError(BoardJson.Errors(board), "$.location.country", "not an ISO 3166-1 alpha-2 code");
    }

    [Theory]
    [InlineData("latitude", 90.5)]
    [InlineData("latitude", -91)]
    [InlineData("longitude", 180.1)]
    [InlineData("longitude", -181)]
    public void Validate_CoordinateOutOfRange_ReportsCoordinate(string name, double value)
    {
        var board = BoardJson.Valid();
        board["location"]![name] = value;

        BoardJson.AssertError(BoardJson.Errors(board), "$.location." + name, "out of range");
    }

    [Fact]
    public void Validate_LatitudeWithoutLongitude_ReportsLocation()
    {
        var board = BoardJson.Valid();
        board["location"]!.AsObject().Remove("longitude");

        BoardJson.AssertError(BoardJson.Errors(board), "$.location", "both latitude and longitude");
    }

    [Fact]
    public void Validate_UnknownDefaultRingCadence_ReportsDefaults()
    {
        var board = BoardJson.Valid();
        board["defaults"]!["ringCadence"] = "us-standrad";

        BoardJson.AssertError(BoardJson.Errors(board), "$.defaults.ringCadence", "unknown ring cadence 'us-standrad'");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(601)]
    public void Validate_OffHookWarningOutOfRange_ReportsIt(int seconds)
    {
        var board = BoardJson.Valid();
        board["defaults"]!["offHookWarningSeconds"] = seconds;

        BoardJson.AssertError(BoardJson.Errors(board), "$.defaults.offHookWarningSeconds", $"must be 0 (off) to 600; got {seconds}");
    }

    [Theory]
    [InlineData("keep-until-hangup")]
    [InlineData("end-call")]
    public void Validate_KnownCardRemovalPolicy_IsAccepted(string policy)
    {
        var board = BoardJson.Valid();
        board["defaults"]!["cardRemoval"] = policy;

        Assert.DoesNotContain(BoardJson.Errors(board), e => e.JsonPath == "$.defaults.cardRemoval");
    }

    [Theory]
    [InlineData("end_call")]
    [InlineData("")]
    [InlineData("Keep-Until-Hangup")]
    public void Validate_UnknownCardRemovalPolicy_ReportsBothChoices(string policy)
    {
        var board = BoardJson.Valid();
        board["defaults"]!["cardRemoval"] = policy;

        BoardJson.AssertError(BoardJson.Errors(board), "$.defaults.cardRemoval", $"unknown card-removal policy '{policy}'; use 'keep-until-hangup' or 'end-call'");
    }

    [Fact]
    public void Validate_UnknownStationRingCadence_ReportsStation()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["ringCadence"] = "distinctive-9";

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].ringCadence", "unknown ring cadence 'distinctive-9'");
    }

    [Fact]
    public void Validate_HostCadenceList_ReplacesDefaultList()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["ringCadence"] = "de-standard";
        var config = JsonSerializer.Deserialize(board.ToJsonString(), BoardConfigJsonContext.Default.BoardConfiguration)!;

        var withHostList = BoardConfigValidator.Validate(config, BoardJson.FileName, ["us-standard", "de-standard"]);
        var withDefaults = BoardConfigValidator.Validate(config, BoardJson.FileName, BoardConfigLoader.DefaultRingCadences);

        Assert.Empty(withHostList);
        BoardJson.AssertError(withDefaults, "$.stations[0].ringCadence", "unknown ring cadence 'de-standard'");
    }

    [Fact]
    public void Validate_CodecListedTwice_ReportsCodec()
    {
        var board = BoardJson.Valid();
        board["defaults"]!["codecs"] = new JsonArray("PCMU", "pcmu");

        BoardJson.AssertError(BoardJson.Errors(board), "$.defaults.codecs[1]", "listed twice");
    }

    [Theory]
    [InlineData("emergencyNumbers", "9 1 1")]
    [InlineData("freeNumbers", "")]
    public void Validate_NumberNotDialable_ReportsNumber(string list, string number)
    {
        var board = BoardJson.Valid();
        board[list] = new JsonArray(number);

        BoardJson.AssertError(BoardJson.Errors(board), $"$.{list}[0]", "not a dialable number");
    }

    [Fact]
    public void Validate_SeveralProblems_ReportsAllOfThem()
    {
        var board = BoardJson.Valid();
        board.Remove("location");
        BoardJson.Station(board)["id"] = "Bad Id";
        BoardJson.Station(board)["hook"]!["pin"] = 99;
        BoardJson.Station(board).Remove("audio");

        var errors = BoardJson.Errors(board, "wrong-name.json");

        Assert.Equal(5, errors.Count);
        Assert.All(errors, e => Assert.Equal("wrong-name.json", e.File));
    }
}
