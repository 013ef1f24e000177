using Gateway.BoardConfig;
using Gateway.Hardware;
using Gateway.Hardware.Gpio;
using Gateway.Hardware.Simulated;
using Gateway.Telephony.Stations;

namespace Gateway.Host.Board;

/// <summary>Builds one station's devices from its board-file entry.</summary>
internal static class StationFactory
{
    public static (Station Station, BenchStationControl? Bench) Build(AssemblyContext context, StationConfig config)
    {
        var time = context.TimeProvider;
        var logger = context.LoggerFactory.CreateLogger($"Gateway.Station.{config.Id}");
        var sink = new ChannelHardwareEventSink(HardwareQueueCapacity);
        var opened = new List<IDisposable>();
        try
        {
            Ag1171Slic? slic = null;
            if (config.Slic is { } slicConfig)
            {
                slic = new Ag1171Slic(
                    context.RequireController($"station {config.Id} slic"),
                    new Ag1171Options
                    {
                        ForwardReversePin = slicConfig.ForwardReversePin!.Value,
                        RingModePin = slicConfig.RingModePin!.Value,
                        SwitchHookPin = slicConfig.SwitchHookPin!.Value,
                        SwitchHookActiveHigh = !slicConfig.SwitchHookActiveLow,
                        RingFrequencyHz = slicConfig.RingFrequencyHz,
                    },
                    HookSettings(config.Hook),
                    sink,
                    time,
                    logger);
                opened.Add(slic);
            }

            var hook = BuildHook(context, config, slic, sink, logger);
            if (!ReferenceEquals(hook, slic?.HookSwitch))
            {
                opened.Add(hook);
            }

            var ringer = BuildRinger(context, config, slic, hook, logger);
            var keypad = BuildKeypad(context, config, sink, logger);
            var display = BuildDisplay(config);
            ICoinAcceptor? coin = config.Coin is { } c
                ? new GpioCoinAcceptor(context.RequireController($"station {config.Id} coin"), c.Pin!.Value, c.ActiveLow, new CoinAcceptorSettings(), sink, time, logger)
                : null;
            IStatusLed? led = config.Led is { } l
                ? new GpioStatusLed(context.RequireController($"station {config.Id} led"), l.Pin!.Value, l.ActiveLow, time)
                : null;

            var devices = new StationDevices
            {
                HookSwitch = hook,
                Ringer = ringer,
                Keypad = keypad,
                Display = display,
                CoinAcceptor = coin,
                StatusLed = led,
                Extras = slic is null ? [] : [slic],
            };
            var idle = context.Board.EmergencyNumbers.Count > 0
                ? new[] { "Insert card", $"Emergency {context.Board.EmergencyNumbers[0]}" }
                : ["Insert card", string.Empty];
            var identity = new StationIdentity(config.Id, config.Name ?? config.Id, config.Readers, idle);
            var station = new Station(identity, devices, sink.Reader, context.Events, time, logger);
            var bench = BuildBenchControl(context, config, keypad as SimulatedKeypad);
            return (station, bench);
        }
        catch
        {
            foreach (var device in Enumerable.Reverse(opened))
            {
                device.Dispose();
            }

            throw;
        }
    }

    private const int HardwareQueueCapacity = 256;

    private static HookSwitchSettings HookSettings(HookConfig? hook) => hook is null
        ? new HookSwitchSettings()
        : new HookSwitchSettings
        {
            Debounce = TimeSpan.FromMilliseconds(hook.DebounceMs),
            FlashMin = TimeSpan.FromMilliseconds(hook.FlashMinMs),
            FlashMax = TimeSpan.FromMilliseconds(hook.FlashMaxMs),
            PulseDialing = hook.PulseDialing,
        };

    private static IHookSwitch BuildHook(AssemblyContext context, StationConfig config, Ag1171Slic? slic, IHardwareEventSink sink, ILogger logger)
    {
        var hook = config.Hook!;
        return hook.Kind switch
        {
            DeviceKinds.Slic => slic?.HookSwitch ?? throw new HardwareException($"station {config.Id}: hook kind 'slic' needs a slic section"),
            _ => new GpioHookSwitch(context.RequireController($"station {config.Id} hook"), hook.Pin!.Value, hook.ActiveLow, HookSettings(hook), sink, context.TimeProvider, logger),
        };
    }

    private static IRinger BuildRinger(AssemblyContext context, StationConfig config, Ag1171Slic? slic, IHookSwitch hook, ILogger logger)
    {
        var ringer = config.Ringer;
        return ringer?.Kind switch
        {
            DeviceKinds.Slic => slic?.Ringer ?? throw new HardwareException($"station {config.Id}: ringer kind 'slic' needs a slic section"),
            DeviceKinds.Relay => new GpioRingerRelay(context.RequireController($"station {config.Id} ringer"), ringer.Pin!.Value, ringer.ActiveLow, context.TimeProvider, () => hook.IsOffHook, logger),
            _ => new SimulatedRinger(context.TimeProvider, () => hook.IsOffHook, logger),
        };
    }

    private static IKeypad? BuildKeypad(AssemblyContext context, StationConfig config, IHardwareEventSink sink, ILogger logger)
    {
        var keypad = config.Keypad;
        return keypad?.Kind switch
        {
            DeviceKinds.Simulated => new SimulatedKeypad(sink, context.TimeProvider, logger),
            DeviceKinds.Matrix when keypad.Scanner == DeviceKinds.ScannerKeyMatrix => new GpioKeypad(
                context.RequireController($"station {config.Id} keypad"), keypad.RowPins, keypad.ColumnPins, keypad.Layout, sink, context.TimeProvider, logger, TimeSpan.FromMilliseconds(keypad.ScanIntervalMs)),
            DeviceKinds.Matrix => new EdgeScanKeypad(
                context.RequireController($"station {config.Id} keypad"), keypad.RowPins, keypad.ColumnPins, keypad.Layout, sink, context.TimeProvider, logger),

            // DTMF digits come from the media engine's in-band detector, not from a device.
            _ => null,
        };
    }

    private static IDisplay? BuildDisplay(StationConfig config)
    {
        var display = config.Display;
        return display?.Kind switch
        {
            DeviceKinds.Simulated => new SimulatedDisplay(display.Columns, display.Rows),
            DeviceKinds.Hd44780Pcf8574 => Hd44780Display.Create(display.I2cBus, display.Address!.Value, display.Columns, display.Rows),
            _ => null,
        };
    }

    private static BenchStationControl? BuildBenchControl(AssemblyContext context, StationConfig config, SimulatedKeypad? keypad)
    {
        if (context.SimulatedDriver is not { } driver)
        {
            return null;
        }

        var (pin, activeLow) = config.Hook!.Kind == DeviceKinds.Slic
            ? (config.Slic!.SwitchHookPin!.Value, config.Slic.SwitchHookActiveLow)
            : (config.Hook.Pin!.Value, config.Hook.ActiveLow);
        var control = new BenchStationControl(driver, pin, activeLow, keypad, context.TimeProvider);
        control.SetOffHook(false);
        return control;
    }
}
