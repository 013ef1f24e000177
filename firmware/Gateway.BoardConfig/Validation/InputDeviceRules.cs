namespace Gateway.BoardConfig.Validation;

/// <summary>Rules for the station's inputs: hook switch, keypad and coin acceptor.</summary>
internal static class InputDeviceRules
{
    private const string KeyCharacters = "0123456789*#ABCD";

    public static void Hook(ValidationContext context, StationConfig station, string stationPath)
    {
        var path = stationPath + ".hook";
        if (station.Hook is not { } hook)
        {
            context.Add(path, "station has no hook: add \"hook\": { \"kind\": \"gpio\", \"pin\": N } or { \"kind\": \"slic\" } with a \"slic\" section");
            return;
        }

        if (!context.CheckKind(path, "hook", hook.Kind, DeviceKinds.HookKinds))
        {
            return;
        }

        if (hook.Kind == DeviceKinds.Gpio)
        {
            context.RequireGpio(path, hook.Kind);
            context.Required(path + ".pin", hook.Pin, "hook kind 'gpio' needs \"pin\"");
            context.ClaimPin(path + ".pin", hook.Pin);
        }
        else
        {
            context.NotUsed(path + ".pin", hook.Pin, hook.Kind);
            if (station.Slic is null)
            {
                context.Add(path, "hook kind 'slic' needs a \"slic\" section on the station (the switch-hook comes from its SHK pin)");
            }
        }

        context.CheckRange(path + ".debounceMs", "debounceMs", hook.DebounceMs, 1, 200, " ms");
        if (hook.FlashMinMs >= hook.FlashMaxMs)
        {
            context.Add(path + ".flashMinMs", $"hook flash window is empty: flashMinMs {hook.FlashMinMs} must be less than flashMaxMs {hook.FlashMaxMs}");
        }

        if (hook.FlashMinMs <= hook.DebounceMs)
        {
            context.Add(path + ".flashMinMs", $"flashMinMs {hook.FlashMinMs} must be greater than debounceMs {hook.DebounceMs}, or a bounce would read as a flash");
        }
    }

    public static void Keypad(ValidationContext context, KeypadConfig keypad, string stationPath)
    {
        var path = stationPath + ".keypad";
        if (!context.CheckKind(path, "keypad", keypad.Kind, DeviceKinds.KeypadKinds))
        {
            return;
        }

        if (keypad.Kind != DeviceKinds.Matrix)
        {
            if (keypad.Kind == DeviceKinds.Simulated)
            {
                context.CheckSimulatedAllowed(path);
            }

            NotUsed(context, path + ".rowPins", keypad.RowPins.Count, keypad.Kind);
            NotUsed(context, path + ".columnPins", keypad.ColumnPins.Count, keypad.Kind);
            return;
        }

        context.RequireGpio(path, keypad.Kind);
        if (keypad.RowPins.Count == 0 || keypad.ColumnPins.Count == 0)
        {
            context.Add(path, "keypad kind 'matrix' needs \"rowPins\" and \"columnPins\"");
        }

        for (var i = 0; i < keypad.RowPins.Count; i++)
        {
            context.Pins.Claim(context, $"{path}.rowPins[{i}]", keypad.RowPins[i]);
        }

        for (var i = 0; i < keypad.ColumnPins.Count; i++)
        {
            context.Pins.Claim(context, $"{path}.columnPins[{i}]", keypad.ColumnPins[i]);
        }

        Layout(context, keypad, path);
        if (!DeviceKinds.KeypadScanners.Contains(keypad.Scanner, StringComparer.Ordinal))
        {
            context.Add(path + ".scanner", $"unknown keypad scanner '{keypad.Scanner}'; expected one of: {string.Join(", ", DeviceKinds.KeypadScanners)}");
        }

        context.CheckRange(path + ".scanIntervalMs", "scanIntervalMs", keypad.ScanIntervalMs, 1, 100, " ms");
    }

    public static void Coin(ValidationContext context, CoinConfig coin, string stationPath)
    {
        var path = stationPath + ".coin";
        if (!context.CheckKind(path, "coin", coin.Kind, DeviceKinds.CoinKinds))
        {
            return;
        }

        context.RequireGpio(path, coin.Kind);
        context.Required(path + ".pin", coin.Pin, "coin kind 'gpio' needs \"pin\"");
        context.ClaimPin(path + ".pin", coin.Pin);
        context.CheckRange(path + ".centsPerPulse", "centsPerPulse", coin.CentsPerPulse, 1, 10_000);
    }

    private static void Layout(ValidationContext context, KeypadConfig keypad, string path)
    {
        var layoutPath = path + ".layout";
        if (keypad.Layout.Count != keypad.RowPins.Count)
        {
            context.Add(layoutPath, $"layout has {keypad.Layout.Count} rows but rowPins has {keypad.RowPins.Count}");
        }

        var seen = new HashSet<char>();
        for (var row = 0; row < keypad.Layout.Count; row++)
        {
            var keys = keypad.Layout[row] ?? string.Empty;
            if (keys.Length != keypad.ColumnPins.Count)
            {
                context.Add($"{layoutPath}[{row}]", $"layout row \"{keys}\" has {keys.Length} keys but columnPins has {keypad.ColumnPins.Count}");
            }

            foreach (var key in keys)
            {
                if (!KeyCharacters.Contains(key, StringComparison.Ordinal))
                {
                    context.Add($"{layoutPath}[{row}]", $"key '{key}' is not a telephone key; allowed: {KeyCharacters}");
                }
                else if (!seen.Add(key))
                {
                    context.Add($"{layoutPath}[{row}]", $"key '{key}' appears twice in the layout");
                }
            }
        }
    }

    private static void NotUsed(ValidationContext context, string path, int count, string kind)
    {
        if (count > 0)
        {
            context.Add(path, $"not used by kind '{kind}'; remove it");
        }
    }
}
