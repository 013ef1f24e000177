using Microsoft.Extensions.Logging;

namespace Gateway.Hardware.Simulated;

/// <summary>A coin mechanism driven by code: pulses go through the normal grouping logic.</summary>
public sealed class SimulatedCoinAcceptor : CoinAcceptorBase
{
    /// <summary>Creates the acceptor.</summary>
    /// <param name="settings">Timing rules.</param>
    /// <param name="sink">Receives <see cref="CoinInserted"/>.</param>
    /// <param name="timeProvider">Clock and timers.</param>
    /// <param name="logger">Optional logger.</param>
    public SimulatedCoinAcceptor(CoinAcceptorSettings settings, IHardwareEventSink sink, TimeProvider timeProvider, ILogger? logger = null)
        : base(settings, sink, timeProvider, logger)
    {
    }

    /// <summary>Signals one pulse now.</summary>
    public void Pulse() => OnPulse();
}
