using Gateway.Host.Cards;
using Gateway.Telephony.Events;

namespace Gateway.Host.Board;

/// <summary>What the API and services share about the running gateway.</summary>
/// <param name="DeviceId">The device id.</param>
/// <param name="Version">The firmware version.</param>
/// <param name="StartedAt">When the process started.</param>
/// <param name="Board">The assembled board.</param>
/// <param name="Events">The event bus.</param>
/// <param name="TimeProvider">The clock.</param>
public sealed record GatewayRuntime(
    string DeviceId,
    string Version,
    DateTimeOffset StartedAt,
    BoardRuntime Board,
    EventBus Events,
    TimeProvider TimeProvider)
{
    /// <summary>Gets the card service's state, for the status route.</summary>
    public CardServiceStatus Cards { get; } = new();

    /// <summary>Gets the process figures for the status route (GC pauses, media clock scheduling).</summary>
    public RuntimeDiagnostics Diagnostics { get; } = new();
}
