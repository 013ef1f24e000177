using System.Device.Gpio;
using Microsoft.Extensions.Logging;

namespace Gateway.Hardware.Gpio;

/// <summary>
/// The ring side of the AG1171: during an on-segment RM is high and F/R toggles every half ring cycle;
/// between segments F/R rests high (forward) and RM is low.
/// </summary>
/// <remarks>
/// The toggle runs on a periodic <see cref="TimeProvider"/> timer (40 toggles/s at 20 Hz). On a Pi the
/// thread-pool timer jitters by a millisecond or two, which only shifts the ring waveform's edges slightly; a
/// bell or electronic ringer does not care. A dedicated thread would be steadier but needs sleeping and is
/// not testable on a fake clock.
/// </remarks>
internal sealed class SlicRinger : RingerBase
{
    private readonly Lock _toggleGate = new();
    private readonly GpioController _controller;
    private readonly int _forwardReversePin;
    private readonly int _ringModePin;
    private readonly TimeSpan _halfCycle;
    private readonly ITimer _toggleTimer;
    private bool _energized;
    private PinValue _forwardReverse = PinValue.High;

    public SlicRinger(GpioController controller, Ag1171Options options, TimeProvider timeProvider, Func<bool> isOffHook, ILogger? logger)
        : base(timeProvider, isOffHook, logger)
    {
        _controller = controller;
        _forwardReversePin = options.ForwardReversePin;
        _ringModePin = options.RingModePin;
        _halfCycle = TimeSpan.FromTicks(TimeSpan.TicksPerSecond / (2 * options.RingFrequencyHz));
        _toggleTimer = timeProvider.CreateTimer(_ => Toggle(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    protected override void SetBell(bool energized)
    {
        lock (_toggleGate)
        {
            _energized = energized;
            if (energized)
            {
                // Ring mode first, so the first F/R transition already swings the ring voltage.
                _controller.Write(_ringModePin, PinValue.High);
                _toggleTimer.Change(_halfCycle, _halfCycle);
            }
            else
            {
                _toggleTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
                _forwardReverse = PinValue.High;
                _controller.Write(_forwardReversePin, _forwardReverse);
                _controller.Write(_ringModePin, PinValue.Low);
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _toggleTimer.Dispose();
        }
    }

    private void Toggle()
    {
        lock (_toggleGate)
        {
            if (!_energized)
            {
                return;
            }

            _forwardReverse = _forwardReverse == PinValue.High ? PinValue.Low : PinValue.High;
            try
            {
                _controller.Write(_forwardReversePin, _forwardReverse);
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException or ObjectDisposedException)
            {
                Logger.LogError(ex, "AG1171 F/R toggle failed");
            }
        }
    }
}
