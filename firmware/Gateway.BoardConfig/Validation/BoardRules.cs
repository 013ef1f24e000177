using System.Text.RegularExpressions;

namespace Gateway.BoardConfig.Validation;

/// <summary>Rules for the board-level sections: name, gpio, location, defaults and numbers.</summary>
internal static partial class BoardRules
{
    public static void Name(ValidationContext context, string file)
    {
        var expected = Path.GetFileNameWithoutExtension(file);
        if (string.IsNullOrWhiteSpace(context.Config.Board))
        {
            context.Add("$.board", $"board is required and must equal the file name ('{expected}')");
        }
        else if (!string.Equals(context.Config.Board, expected, StringComparison.Ordinal))
        {
            context.Add("$.board", $"board '{context.Config.Board}' does not match the file name '{expected}'");
        }
    }

    public static void Gpio(ValidationContext context)
    {
        if (context.Config.Gpio is not { } gpio)
        {
            return;
        }

        context.CheckKind("$.gpio", "gpio", gpio.Driver, DeviceKinds.GpioDrivers);
        context.CheckRange("$.gpio.chip", "chip", gpio.Chip, 0, 15);
    }

    public static void Location(ValidationContext context)
    {
        if (context.Config.Location is not { } location)
        {
            context.Add("$.location", "location is required: emergency calls carry it (at least \"country\", ideally \"civicAddress\")");
            return;
        }

        if (string.IsNullOrWhiteSpace(location.Country))
        {
            context.Add("$.location.country", "location needs \"country\" (ISO 3166-1 alpha-2, e.g. \"US\")");
        }
        else if (!CountryPattern().IsMatch(location.Country))
        {
            context.Add("$.location.country", $"country '{location.Country}' is not an ISO 3166-1 alpha-2 code (two upper-case letters, e.g. \"US\")");
        }

        if (location.Latitude is { } latitude && (double.IsNaN(latitude) || latitude is < -90 or > 90))
        {
            context.Add("$.location.latitude", $"latitude {latitude} is out of range -90..90");
        }

        if (location.Longitude is { } longitude && (double.IsNaN(longitude) || longitude is < -180 or > 180))
        {
            context.Add("$.location.longitude", $"longitude {longitude} is out of range -180..180");
        }

        if (location.Latitude.HasValue != location.Longitude.HasValue)
        {
            context.Add("$.location", "give both latitude and longitude, or neither");
        }
    }

    public static void Defaults(ValidationContext context)
    {
        var defaults = context.Config.Defaults;
        RingCadence(context, "$.defaults.ringCadence", defaults.RingCadence);
        if (string.IsNullOrWhiteSpace(defaults.TonePlan))
        {
            context.Add("$.defaults.tonePlan", "tonePlan must not be empty");
        }

        if (defaults.OffHookWarningSeconds is < 0 or > 600)
        {
            context.Add("$.defaults.offHookWarningSeconds", $"offHookWarningSeconds must be 0 (off) to 600; got {defaults.OffHookWarningSeconds}");
        }

        if (defaults.CardRemoval is not (DefaultsConfig.CardRemovalKeepUntilHangup or DefaultsConfig.CardRemovalEndCall))
        {
            context.Add("$.defaults.cardRemoval", $"unknown card-removal policy '{defaults.CardRemoval}'; use '{DefaultsConfig.CardRemovalKeepUntilHangup}' or '{DefaultsConfig.CardRemovalEndCall}'");
        }

        if (defaults.Codecs.Count == 0)
        {
            context.Add("$.defaults.codecs", "at least one codec is required");
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < defaults.Codecs.Count; i++)
        {
            var codec = defaults.Codecs[i];
            if (string.IsNullOrWhiteSpace(codec))
            {
                context.Add($"$.defaults.codecs[{i}]", "codec name must not be empty");
            }
            else if (!seen.Add(codec))
            {
                context.Add($"$.defaults.codecs[{i}]", $"codec '{codec}' is listed twice");
            }
        }
    }

    public static void Numbers(ValidationContext context)
    {
        if (context.Config.DialPlan is { } dialPlan && string.IsNullOrWhiteSpace(dialPlan))
        {
            context.Add("$.dialPlan", "dialPlan must not be empty; leave it out to use the gateway's default");
        }
        else if (context.Config.DialPlan is { } map && context.DialPlanValidator?.Invoke(map) is { } problem)
        {
            context.Add("$.dialPlan", $"invalid dial plan \"{map}\": {problem}");
        }

        NumberList(context, "$.emergencyNumbers", context.Config.EmergencyNumbers);
        NumberList(context, "$.freeNumbers", context.Config.FreeNumbers);
    }

    public static void RingCadence(ValidationContext context, string path, string? cadence)
    {
        if (cadence is null)
        {
            return;
        }

        if (!context.KnownRingCadences.Contains(cadence, StringComparer.Ordinal))
        {
            context.Add(path, $"unknown ring cadence '{cadence}'; known: {string.Join(", ", context.KnownRingCadences)}");
        }
    }

    private static void NumberList(ValidationContext context, string path, IReadOnlyList<string> numbers)
    {
        for (var i = 0; i < numbers.Count; i++)
        {
            if (numbers[i] is not { } number || !NumberPattern().IsMatch(number))
            {
                context.Add($"{path}[{i}]", $"'{numbers[i]}' is not a dialable number (1 to 32 of 0-9 * # +)");
            }
        }
    }

    [GeneratedRegex(@"^[A-Z]{2}\z")]
    private static partial Regex CountryPattern();

    [GeneratedRegex(@"^[0-9*#+]{1,32}\z")]
    private static partial Regex NumberPattern();
}
