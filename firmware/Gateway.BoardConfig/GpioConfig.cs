namespace Gateway.BoardConfig;

/// <summary>The GPIO driver the board's GPIO-kind devices run on.</summary>
public sealed class GpioConfig
{
    /// <summary>Gets the driver: <c>libgpiod</c>, <c>sysfs</c> or <c>simulated</c> (see <see cref="DeviceKinds.GpioDrivers"/>).</summary>
    public string Driver { get; set; } = string.Empty;

    /// <summary>Gets the GPIO chip number (<c>/dev/gpiochipN</c>); default 0.</summary>
    public int Chip { get; set; }
}
