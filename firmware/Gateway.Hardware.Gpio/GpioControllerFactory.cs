using System.Device.Gpio;
using System.Device.Gpio.Drivers;

namespace Gateway.Hardware.Gpio;

/// <summary>Creates the <see cref="GpioController"/> for a real board, with clear errors when the chip is missing.</summary>
public static class GpioControllerFactory
{
    /// <summary>The character-device driver (default; needs libgpiod installed).</summary>
    public const string LibGpiod = "libgpiod";

    /// <summary>The legacy /sys/class/gpio driver.</summary>
    public const string SysFs = "sysfs";

    /// <summary>Creates a controller on a GPIO chip.</summary>
    /// <param name="driver">"libgpiod" (default when empty) or "sysfs", case-insensitive.</param>
    /// <param name="chip">The chip number, /dev/gpiochip{chip} (0 on a Pi 4, 0 or 4 on a Pi 5 depending on the kernel).</param>
    /// <returns>A controller that owns its driver.</returns>
    /// <exception cref="HardwareException">The chip does not exist or the driver cannot open it.</exception>
    /// <exception cref="ArgumentException">Unknown driver name.</exception>
    public static GpioController Create(string driver, int chip) => Create(driver, chip, "/dev", "/sys/class/gpio");

    /// <summary>As <see cref="Create(string, int)"/>, with the device directories given (for tests and containers).</summary>
    /// <param name="driver">"libgpiod" or "sysfs".</param>
    /// <param name="chip">The chip number.</param>
    /// <param name="deviceDirectory">Where gpiochip character devices live, normally /dev.</param>
    /// <param name="sysfsDirectory">The sysfs GPIO class directory, normally /sys/class/gpio.</param>
    /// <returns>A controller that owns its driver.</returns>
    public static GpioController Create(string driver, int chip, string deviceDirectory, string sysfsDirectory)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(chip);
        ArgumentNullException.ThrowIfNull(deviceDirectory);
        ArgumentNullException.ThrowIfNull(sysfsDirectory);
        var chipName = $"gpiochip{chip}";
        switch ((driver ?? string.Empty).Trim().ToUpperInvariant())
        {
            case "":
            case "LIBGPIOD":
                var path = Path.Combine(deviceDirectory, chipName);
                if (!File.Exists(path))
                {
                    throw new HardwareException(
                        $"GPIO chip {path} does not exist (found: {ListChips(deviceDirectory)}). Check the 'chip' setting or run on the target board.",
                        chipName,
                        null);
                }

                return Wrap(chipName, () => new LibGpiodDriver(chip));

            case "SYSFS":
                if (!Directory.Exists(sysfsDirectory))
                {
                    throw new HardwareException($"The sysfs GPIO interface {sysfsDirectory} does not exist on this system; use the libgpiod driver.", chipName, null);
                }

                return Wrap(chipName, () => new SysFsDriver());

            default:
                throw new ArgumentException($"Unknown GPIO driver '{driver}'; use '{LibGpiod}' or '{SysFs}'.", nameof(driver));
        }
    }

    private static GpioController Wrap(string chipName, Func<GpioDriver> create)
    {
        try
        {
            return new GpioController(create());
        }
        catch (Exception ex) when (ex is not HardwareException and not OutOfMemoryException)
        {
            throw new HardwareException($"Cannot open GPIO chip {chipName}: {ex.Message}", chipName, null, ex);
        }
    }

    private static string ListChips(string deviceDirectory)
    {
        try
        {
            var chips = Directory.Exists(deviceDirectory)
                ? Directory.GetFiles(deviceDirectory, "gpiochip*").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()
                : [];
            return chips.Length == 0 ? "no gpiochip devices" : string.Join(", ", chips);
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown, no permission to list " + deviceDirectory;
        }
    }
}
