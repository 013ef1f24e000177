namespace Gateway.BoardConfig.Validation;

/// <summary>Tracks which JSON path owns each GPIO line so that a line used twice is reported with both owners.</summary>
internal sealed class PinRegistry
{
    /// <summary>BCM numbering on the Raspberry Pi's main GPIO bank.</summary>
    public const int MinPin = 0;

    /// <summary>Highest BCM line of the Raspberry Pi's main GPIO bank.</summary>
    public const int MaxPin = 53;

    private readonly Dictionary<int, string> _owners = [];

    public void Claim(ValidationContext context, string path, int pin)
    {
        if (pin is < MinPin or > MaxPin)
        {
            context.Add(path, $"GPIO pin {pin} is out of range {MinPin}..{MaxPin} (BCM numbering)");
            return;
        }

        if (!_owners.TryAdd(pin, path))
        {
            context.Add(path, $"GPIO pin {pin} is used twice: by {_owners[pin]} and by {path}");
        }
    }
}
