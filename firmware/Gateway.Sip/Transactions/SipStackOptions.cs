using Gateway.Sip.Message;
using Gateway.Sip.Transport;
using Microsoft.Extensions.Logging;

namespace Gateway.Sip.Transactions;

/// <summary>Everything <see cref="SipStackHost"/> passes to the layers it wires; every member has a default.</summary>
public sealed class SipStackOptions
{
    /// <summary>Timer values; RFC 3261 defaults when null.</summary>
    public SipTimerSettings? Timers { get; init; }

    /// <summary>The clock for every timer; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Socket transport settings (limits, idle timeout); defaults when null.</summary>
    public SipTransportOptions? Transport { get; init; }

    /// <summary>The request validator (methods, option tags, content types); defaults when null.</summary>
    public SipRequestValidator? Validator { get; init; }

    /// <summary>Where the transaction layer logs; nothing when null.</summary>
    public ILogger? Logger { get; init; }
}
