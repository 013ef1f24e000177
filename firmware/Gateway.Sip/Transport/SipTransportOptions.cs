using Gateway.Sip.Message;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Sip.Transport;

/// <summary>Settings shared by socket transports.</summary>
public sealed class SipTransportOptions
{
    /// <summary>Defaults: 64 KiB messages, 5 minute idle timeout, system clock, no logging.</summary>
    public static SipTransportOptions Default { get; } = new();

    /// <summary>Parser limits; <see cref="SipParserOptions.MaxMessageSize"/> also caps stream buffers.</summary>
    public SipParserOptions Parser { get; init; } = SipParserOptions.Default;

    /// <summary>A stream connection with no traffic for this long is closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an outbound connection attempt may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock for idle timeouts and log rate limits.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where transport problems are reported (rate-limited per peer).</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}
