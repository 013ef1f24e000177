using System.Device;
using System.Device.Gpio;

namespace Gateway.Hardware.Gpio;

/// <summary>Best-effort name of the chip behind a controller, for error messages.</summary>
internal static class GpioChipName
{
    public static string Of(GpioController controller)
    {
        try
        {
            var info = controller.QueryComponentInformation();
            return Find(info) ?? "GPIO controller";
        }
        catch (Exception ex) when (ex is InvalidOperationException or NotSupportedException or IOException)
        {
            return "GPIO controller";
        }
    }

    private static string? Find(ComponentInformation info)
    {
        foreach (var key in new[] { "ChipName", "Chip", "ChipNumber" })
        {
            if (info.Properties.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return key == "ChipNumber" ? "gpiochip" + value : value;
            }
        }

        foreach (var child in info.SubComponents)
        {
            if (Find(child) is { } name)
            {
                return name;
            }
        }

        return null;
    }
}
