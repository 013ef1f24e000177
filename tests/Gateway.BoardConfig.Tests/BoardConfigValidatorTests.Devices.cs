using System.Text.Json.Nodes;
using Gateway.BoardConfig.Tests.TestSupport;

namespace Gateway.BoardConfig.Tests;

/// <summary>Device-section rules: kinds, pins, keypad layout, hook timing, SLIC, display, audio.</summary>
public sealed partial class BoardConfigValidatorTests
{
    [Theory]
    [InlineData("hook", "$.stations[0].hook.kind", "unknown hook kind 'gpoi'")]
    [InlineData("keypad", "$.stations[0].keypad.kind", "unknown keypad kind 'gpoi'")]
    [InlineData("ringer", "$.stations[0].ringer.kind", "unknown ringer kind 'gpoi'")]
    [InlineData("display", "$.stations[0].display.kind", "unknown display kind 'gpoi'")]
    [InlineData("coin", "$.stations[0].coin.kind", "unknown coin kind 'gpoi'")]
    [InlineData("led", "$.stations[0].led.kind", "unknown led kind 'gpoi'")]
    [InlineData("audio", "$.stations[0].audio.kind", "unknown audio kind 'gpoi'")]
    public void Validate_UnknownDeviceKind_ReportsKind(string section, string path, string fragment)
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)[section]!["kind"] = "gpoi";

        BoardJson.AssertError(BoardJson.Errors(board), path, fragment);
    }

    [Fact]
    public void Validate_UnknownSlicKind_ReportsKind()
    {
        var board = BoardJson.Valid();
        var fxs = BoardJson.SlicStation();
        fxs["slic"]!["kind"] = "si3210";
        board["stations"]!.AsArray().Add(fxs);

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[1].slic.kind", "unknown slic kind 'si3210'");
    }

    [Fact]
    public void Validate_UnknownGpioDriver_ReportsDriver()
    {
        var board = BoardJson.Valid();
        board["gpio"]!["driver"] = "pigpio";

        BoardJson.AssertError(BoardJson.Errors(board), "$.gpio.kind", "unknown gpio kind 'pigpio'");
    }

    [Fact]
    public void Validate_MissingDeviceKind_ReportsKindRequired()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["ringer"]!.AsObject().Remove("kind");

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].ringer.kind", "ringer kind is required");
    }

    [Fact]
    public void Validate_PinUsedByTwoStations_NamesBothPaths()
    {
        var board = BoardJson.Valid();
        var second = BoardJson.SecondStation();
        second["ringer"]!["pin"] = 17;
        board["stations"]!.AsArray().Add(second);

        var error = BoardJson.AssertError(BoardJson.Errors(board), "$.stations[1].ringer.pin", "GPIO pin 17 is used twice");
        Assert.Contains("$.stations[0].hook.pin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MatrixColumnPinReusedByLed_NamesBothPaths()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["led"]!["pin"] = 16;

        var error = BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].led.pin", "GPIO pin 16 is used twice");
        Assert.Contains("$.stations[0].keypad.columnPins[1]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MatrixRowPinReusedByHook_NamesBothPaths()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["keypad"]!["rowPins"]![2] = 17;

        var error = BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].keypad.rowPins[2]", "GPIO pin 17 is used twice");
        Assert.Contains("$.stations[0].hook.pin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_SlicPinReusedByRelay_NamesBothPaths()
    {
        var board = BoardJson.Valid();
        var fxs = BoardJson.SlicStation();
        fxs["slic"]!["ringModePin"] = 27;
        board["stations"]!.AsArray().Add(fxs);

        var error = BoardJson.AssertError(BoardJson.Errors(board), "$.stations[1].slic.ringModePin", "GPIO pin 27 is used twice");
        Assert.Contains("$.stations[0].ringer.pin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PinOnI2cBusOfDisplay_ReportsConflict()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["led"]!["pin"] = 2;

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].display.i2cBus (SDA)", "GPIO pin 2 is used twice: by $.stations[0].led.pin");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(54)]
    public void Validate_PinOutOfRange_ReportsPin(int pin)
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["hook"]!["pin"] = pin;
        BoardJson.Station(board)["keypad"]!["columnPins"]![0] = pin + 100;

        var errors = BoardJson.Errors(board);

        BoardJson.AssertError(errors, "$.stations[0].hook.pin", $"GPIO pin {pin} is out of range 0..53");
        BoardJson.AssertError(errors, "$.stations[0].keypad.columnPins[0]", "out of range 0..53");
    }

    [Fact]
    public void Validate_GpioDevicesWithoutGpioSection_ReportsEachDevice()
    {
        var board = BoardJson.Valid();
        board.Remove("gpio");
        board["stations"]!.AsArray().Add(BoardJson.SlicStation());

        var errors = BoardJson.Errors(board);

        foreach (var device in new[] { "hook", "keypad", "ringer", "coin", "led" })
        {
            BoardJson.AssertError(errors, "$.stations[0]." + device, "no \"gpio\" section");
        }

        BoardJson.AssertError(errors, "$.stations[1].slic", "no \"gpio\" section");
    }

    [Fact]
    public void Validate_RequiredPinMissing_ReportsPin()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["hook"]!.AsObject().Remove("pin");
        BoardJson.Station(board)["ringer"]!.AsObject().Remove("pin");
        BoardJson.Station(board)["coin"]!.AsObject().Remove("pin");
        BoardJson.Station(board)["led"]!.AsObject().Remove("pin");

        var errors = BoardJson.Errors(board);

        BoardJson.AssertError(errors, "$.stations[0].hook.pin", "needs \"pin\"");
        BoardJson.AssertError(errors, "$.stations[0].ringer.pin", "needs \"pin\"");
        BoardJson.AssertError(errors, "$.stations[0].coin.pin", "needs \"pin\"");
        BoardJson.AssertError(errors, "$.stations[0].led.pin", "needs \"pin\"");
    }

    [Fact]
    public void Validate_LayoutRowCountDiffersFromRowPins_ReportsLayout()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["keypad"]!["layout"] = new JsonArray("123", "456", "789");

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].keypad.layout", "layout has 3 rows but rowPins has 4");
    }

    [Fact]
    public void Validate_LayoutRowWidthDiffersFromColumnPins_ReportsRow()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["keypad"]!["layout"]![3] = "*0#D";

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].keypad.layout[3]", "has 4 keys but columnPins has 3");
    }

    [Theory]
    [InlineData("*0E")]
    [InlineData("*0a")]
    public void Validate_LayoutCharacterNotAKey_ReportsRow(string row)
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["keypad"]!["layout"]![3] = row;

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].keypad.layout[3]", "is not a telephone key");
    }

    [Fact]
    public void Validate_LayoutKeyTwice_ReportsRow()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["keypad"]!["layout"]![3] = "*1#";

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].keypad.layout[3]", "key '1' appears twice");
    }

    [Fact]
    public void Validate_UnknownKeypadScanner_ReportsScanner()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["keypad"]!["scanner"] = "poll";

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].keypad.scanner", "unknown keypad scanner 'poll'");
    }

    [Theory]
    [InlineData(800, 800)]
    [InlineData(900, 800)]
    public void Validate_FlashMinNotBelowFlashMax_ReportsFlashWindow(int flashMin, int flashMax)
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["hook"]!["flashMinMs"] = flashMin;
        BoardJson.Station(board)["hook"]!["flashMaxMs"] = flashMax;

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].hook.flashMinMs", "hook flash window is empty");
    }

    [Theory]
    [InlineData(30)]
    [InlineData(20)]
    public void Validate_FlashMinNotAboveDebounce_ReportsFlashMin(int flashMin)
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["hook"]!["flashMinMs"] = flashMin;

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].hook.flashMinMs", "must be greater than debounceMs 30");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(201)]
    public void Validate_DebounceOutOfRange_ReportsDebounce(int debounce)
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["hook"]!["debounceMs"] = debounce;
        BoardJson.Station(board)["hook"]!["flashMinMs"] = 250;

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].hook.debounceMs", "out of range 1..200");
    }

    [Fact]
    public void Validate_SlicHookWithoutSlic_ReportsHook()
    {
        var board = BoardJson.Valid();
        var fxs = BoardJson.SlicStation();
        fxs.Remove("slic");
        fxs["ringer"] = new JsonObject { ["kind"] = "relay", ["pin"] = 23 };
        board["stations"]!.AsArray().Add(fxs);

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[1].hook", "hook kind 'slic' needs a \"slic\" section");
    }

    [Fact]
    public void Validate_SlicRingerWithoutSlic_ReportsRinger()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["ringer"] = new JsonObject { ["kind"] = "slic" };

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].ringer", "ringer kind 'slic' needs a \"slic\" section");
    }

    [Fact]
    public void Validate_SlicHookWithPin_ReportsPinNotUsed()
    {
        var board = BoardJson.Valid();
        var fxs = BoardJson.SlicStation();
        fxs["hook"]!["pin"] = 7;
        board["stations"]!.AsArray().Add(fxs);

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[1].hook.pin", "not used by kind 'slic'");
    }

    [Theory]
    [InlineData(14)]
    [InlineData(31)]
    public void Validate_SlicRingFrequencyOutOfRange_ReportsFrequency(int hz)
    {
        var board = BoardJson.Valid();
        var fxs = BoardJson.SlicStation();
        fxs["slic"]!["ringFrequencyHz"] = hz;
        board["stations"]!.AsArray().Add(fxs);

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[1].slic.ringFrequencyHz", "out of range 15..30");
    }

    [Fact]
    public void Validate_SlicWithoutSwitchHookPin_ReportsPin()
    {
        var board = BoardJson.Valid();
        var fxs = BoardJson.SlicStation();
        fxs["slic"]!.AsObject().Remove("switchHookPin");
        board["stations"]!.AsArray().Add(fxs);

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[1].slic.switchHookPin", "needs \"switchHookPin\"");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(120)]
    public void Validate_I2cAddressOutOfRange_ReportsAddress(int address)
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["display"]!["address"] = address;

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].display.address", "outside the 7-bit range 0x03..0x77");
    }

    [Fact]
    public void Validate_TwoDisplaysSameBusAndAddress_ReportsSecond()
    {
        var board = BoardJson.Valid();
        var second = BoardJson.SecondStation();
        second["display"] = new JsonObject { ["kind"] = "hd44780-pcf8574", ["i2cBus"] = 1, ["address"] = 39 };
        board["stations"]!.AsArray().Add(second);

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[1].display.address", "I2C bus 1 address 39 (0x27) is already used by $.stations[0].display");
    }

    [Fact]
    public void Validate_TwoDisplaysSameAddressOnDifferentBuses_Accepted()
    {
        var board = BoardJson.Valid();
        var second = BoardJson.SecondStation();
        second["display"] = new JsonObject { ["kind"] = "hd44780-pcf8574", ["i2cBus"] = 3, ["address"] = 39 };
        board["stations"]!.AsArray().Add(second);

        Assert.Empty(BoardJson.Errors(board));
    }

    [Fact]
    public void Validate_SimulatedKindsWithRealGpioDriver_ReportsEachSimulatedDevice()
    {
        var board = BoardJson.AllSimulated();
        board["gpio"]!["driver"] = "libgpiod";

        var errors = BoardJson.Errors(board);

        BoardJson.AssertError(errors, "$.stations[0].keypad", "only allowed when gpio.driver is 'simulated'");
        BoardJson.AssertError(errors, "$.stations[0].ringer", "only allowed when gpio.driver is 'simulated'");
        BoardJson.AssertError(errors, "$.stations[0].display", "only allowed when gpio.driver is 'simulated'");
        Assert.Equal(3, errors.Count);
    }

    [Fact]
    public void Validate_SimulatedKindsWithoutGpioSection_NotReportedAsSimulated()
    {
        // With no gpio section only the GPIO hook is wrong; the simulated devices themselves are fine.
        var board = BoardJson.AllSimulated();
        board.Remove("gpio");

        var errors = BoardJson.Errors(board);

        BoardJson.AssertError(errors, "$.stations[0].hook", "no \"gpio\" section");
        Assert.Single(errors);
    }

    [Theory]
    [InlineData("source")]
    [InlineData("sink")]
    public void Validate_WavAudioWithoutSourceOrSink_ReportsMissingFile(string missing)
    {
        var board = BoardJson.Valid();
        var audio = new JsonObject { ["kind"] = "wav", ["source"] = "in.wav", ["sink"] = "out.wav" };
        audio.Remove(missing);
        BoardJson.Station(board)["audio"] = audio;

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].audio." + missing, $"audio kind 'wav' needs \"{missing}\"");
    }

    [Fact]
    public void Validate_AlsaAudioWithoutDevice_ReportsDevice()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["audio"] = new JsonObject { ["kind"] = "alsa" };

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].audio.device", "needs \"device\"");
    }

    [Fact]
    public void Validate_AlsaDeviceSharedByTwoStations_ReportsSecond()
    {
        var board = BoardJson.Valid();
        var second = BoardJson.SecondStation();
        second["audio"]!["device"] = "plughw:1,0";
        board["stations"]!.AsArray().Add(second);

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[1].audio.device", "already used by $.stations[0].audio.device");
    }

    [Fact]
    public void Validate_CoinWithoutCentsPerPulse_ReportsCents()
    {
        var board = BoardJson.Valid();
        BoardJson.Station(board)["coin"]!.AsObject().Remove("centsPerPulse");

        BoardJson.AssertError(BoardJson.Errors(board), "$.stations[0].coin.centsPerPulse", "out of range 1..10000");
    }
}
