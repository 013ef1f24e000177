namespace Gateway.BoardConfig.Validation;

/// <summary>Collects the errors of one validation run and carries what the per-section rules need.</summary>
internal sealed class ValidationContext(string file, BoardConfiguration config, IReadOnlyCollection<string> knownRingCadences)
{
    private readonly List<BoardConfigError> _errors = [];

    public BoardConfiguration Config { get; } = config;

    public IReadOnlyCollection<string> KnownRingCadences { get; } = knownRingCadences;

    /// <summary>Gets the host's dial-plan parser, or null when the caller did not give one.</summary>
    public Func<string, string?>? DialPlanValidator { get; init; }

    public PinRegistry Pins { get; } = new();

    public IReadOnlyList<BoardConfigError> Errors => _errors;

    public void Add(string jsonPath, string message) => _errors.Add(new BoardConfigError(file, jsonPath, message));

    /// <summary>Checks a <c>kind</c> against its section's list; false (and an error) when unknown.</summary>
    public bool CheckKind(string path, string section, string kind, IReadOnlyCollection<string> allowed)
    {
        if (string.IsNullOrWhiteSpace(kind))
        {
            Add(path + ".kind", $"{section} kind is required; one of: {string.Join(", ", allowed)}");
            return false;
        }

        if (!allowed.Contains(kind, StringComparer.Ordinal))
        {
            Add(path + ".kind", $"unknown {section} kind '{kind}'; expected one of: {string.Join(", ", allowed)}");
            return false;
        }

        return true;
    }

    /// <summary>A device of this kind drives real GPIO lines, so the board needs a <c>gpio</c> section.</summary>
    public void RequireGpio(string path, string kind)
    {
        if (Config.Gpio is null)
        {
            Add(path, $"kind '{kind}' uses GPIO pins but the board has no \"gpio\" section (add \"gpio\": {{ \"driver\": \"libgpiod\" }} or \"simulated\")");
        }
    }

    /// <summary>Simulated devices must not be mixed with a real GPIO driver: that board would half-work on hardware.</summary>
    public void CheckSimulatedAllowed(string path)
    {
        if (Config.Gpio is { } gpio && !string.Equals(gpio.Driver, DeviceKinds.Simulated, StringComparison.Ordinal))
        {
            Add(path, $"kind 'simulated' is only allowed when gpio.driver is 'simulated' (it is '{gpio.Driver}')");
        }
    }

    public void CheckRange(string path, string name, int value, int min, int max, string? unit = null)
    {
        if (value < min || value > max)
        {
            Add(path, $"{name} {value}{unit} is out of range {min}..{max}{unit}");
        }
    }

    public void Required(string path, object? value, string why)
    {
        if (value is null || (value is string s && string.IsNullOrWhiteSpace(s)))
        {
            Add(path, why);
        }
    }

    public void NotUsed(string path, object? value, string kind)
    {
        if (value is not null)
        {
            Add(path, $"not used by kind '{kind}'; remove it");
        }
    }

    /// <summary>Claims a pin if it is set; a missing required pin is reported by the caller.</summary>
    public void ClaimPin(string path, int? pin)
    {
        if (pin is { } p)
        {
            Pins.Claim(this, path, p);
        }
    }
}
