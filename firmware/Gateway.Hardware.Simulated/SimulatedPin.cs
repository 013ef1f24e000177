using System.Device.Gpio;

namespace Gateway.Hardware.Simulated;

/// <summary>State of one line of the <see cref="SimulatedGpioDriver"/>; guarded by the driver's lock.</summary>
internal sealed class SimulatedPin
{
    public bool IsOpen { get; set; }

    public PinMode Mode { get; set; } = PinMode.Input;

    public PinValue Output { get; set; } = PinValue.Low;

    public PinValue? External { get; set; }

    public PinValue Level { get; set; } = PinValue.Low;

    public List<(PinEventTypes Types, PinChangeEventHandler Handler)> Callbacks { get; } = [];
}
