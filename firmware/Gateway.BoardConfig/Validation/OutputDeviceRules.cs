namespace Gateway.BoardConfig.Validation;

/// <summary>Rules for the station's outputs and line interface: ringer, SLIC, display, LED and audio.</summary>
internal static class OutputDeviceRules
{
    public static void Ringer(ValidationContext context, StationConfig station, RingerConfig ringer, string stationPath)
    {
        var path = stationPath + ".ringer";
        if (!context.CheckKind(path, "ringer", ringer.Kind, DeviceKinds.RingerKinds))
        {
            return;
        }

        switch (ringer.Kind)
        {
            case DeviceKinds.Relay:
                context.RequireGpio(path, ringer.Kind);
                context.Required(path + ".pin", ringer.Pin, "ringer kind 'relay' needs \"pin\"");
                context.ClaimPin(path + ".pin", ringer.Pin);
                break;
            case DeviceKinds.Slic:
                context.NotUsed(path + ".pin", ringer.Pin, ringer.Kind);
                if (station.Slic is null)
                {
                    context.Add(path, "ringer kind 'slic' needs a \"slic\" section on the station (the SLIC generates the ring)");
                }

                break;
            default:
                context.NotUsed(path + ".pin", ringer.Pin, ringer.Kind);
                context.CheckSimulatedAllowed(path);
                break;
        }
    }

    public static void Slic(ValidationContext context, SlicConfig slic, string stationPath)
    {
        var path = stationPath + ".slic";
        if (!context.CheckKind(path, "slic", slic.Kind, DeviceKinds.SlicKinds))
        {
            return;
        }

        context.RequireGpio(path, slic.Kind);
        context.Required(path + ".forwardReversePin", slic.ForwardReversePin, "slic needs \"forwardReversePin\" (F/R)");
        context.Required(path + ".ringModePin", slic.RingModePin, "slic needs \"ringModePin\" (RM)");
        context.Required(path + ".switchHookPin", slic.SwitchHookPin, "slic needs \"switchHookPin\" (SHK)");
        context.ClaimPin(path + ".forwardReversePin", slic.ForwardReversePin);
        context.ClaimPin(path + ".ringModePin", slic.RingModePin);
        context.ClaimPin(path + ".switchHookPin", slic.SwitchHookPin);

        // The AG1171 rings at 20 or 25 Hz typically; outside 15..30 Hz bells do not ring reliably.
        context.CheckRange(path + ".ringFrequencyHz", "ringFrequencyHz", slic.RingFrequencyHz, 15, 30, " Hz");
    }

    public static void Display(ValidationContext context, DisplayConfig display, string stationPath)
    {
        var path = stationPath + ".display";
        if (!context.CheckKind(path, "display", display.Kind, DeviceKinds.DisplayKinds))
        {
            return;
        }

        if (display.Kind == DeviceKinds.Simulated)
        {
            context.CheckSimulatedAllowed(path);
            context.NotUsed(path + ".address", display.Address, display.Kind);
        }
        else
        {
            context.CheckRange(path + ".i2cBus", "i2cBus", display.I2cBus, 0, 31);
            if (display.Address is not { } address)
            {
                context.Add(path + ".address", "display kind 'hd44780-pcf8574' needs \"address\" (decimal, e.g. 39 for 0x27)");
            }
            else if (address is < 0x03 or > 0x77)
            {
                context.Add(path + ".address", $"I2C address {address} (0x{address:X2}) is outside the 7-bit range 0x03..0x77");
            }
        }

        context.CheckRange(path + ".columns", "columns", display.Columns, 8, 40);
        context.CheckRange(path + ".rows", "rows", display.Rows, 1, 4);
    }

    public static void Led(ValidationContext context, LedConfig led, string stationPath)
    {
        var path = stationPath + ".led";
        if (!context.CheckKind(path, "led", led.Kind, DeviceKinds.LedKinds))
        {
            return;
        }

        context.RequireGpio(path, led.Kind);
        context.Required(path + ".pin", led.Pin, "led kind 'gpio' needs \"pin\"");
        context.ClaimPin(path + ".pin", led.Pin);
    }

    public static void Audio(ValidationContext context, StationConfig station, string stationPath)
    {
        var path = stationPath + ".audio";
        if (station.Audio is not { } audio)
        {
            context.Add(path, "station has no audio: add \"audio\": { \"kind\": \"alsa\", \"device\": \"plughw:1,0\" }, { \"kind\": \"wav\", ... } or { \"kind\": \"null\" }");
            return;
        }

        if (!context.CheckKind(path, "audio", audio.Kind, DeviceKinds.AudioKinds))
        {
            return;
        }

        switch (audio.Kind)
        {
            case DeviceKinds.Alsa:
                context.Required(path + ".device", audio.Device, "audio kind 'alsa' needs \"device\", e.g. \"plughw:1,0\"");
                context.CheckRange(path + ".periodMs", "periodMs", audio.PeriodMs, 5, 100, " ms");
                context.NotUsed(path + ".source", audio.Source, audio.Kind);
                context.NotUsed(path + ".sink", audio.Sink, audio.Kind);
                break;
            case DeviceKinds.Wav:
                context.Required(path + ".source", audio.Source, "audio kind 'wav' needs \"source\" (the WAV file played as the microphone)");
                context.Required(path + ".sink", audio.Sink, "audio kind 'wav' needs \"sink\" (the WAV file the earpiece audio is written to)");
                context.NotUsed(path + ".device", audio.Device, audio.Kind);
                break;
            default:
                context.NotUsed(path + ".device", audio.Device, audio.Kind);
                context.NotUsed(path + ".source", audio.Source, audio.Kind);
                context.NotUsed(path + ".sink", audio.Sink, audio.Kind);
                break;
        }
    }
}
