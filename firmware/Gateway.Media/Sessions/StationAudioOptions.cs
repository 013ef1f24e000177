using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Media.Sessions;

/// <summary>How a station's audio path is set up.</summary>
public sealed record StationAudioOptions
{
    /// <summary>The station's audio device (ALSA on the board, WAV or null on the bench); the station owns and disposes it.</summary>
    public required IAudioDevice Device { get; init; }

    /// <summary>The board's tone plan: "us", "uk" (or "gb") or "de".</summary>
    public string TonePlan { get; init; } = "us";

    /// <summary>The address call media binds RTP on and writes into SDP.</summary>
    public required IPAddress LocalRtpAddress { get; init; }

    /// <summary>Whether the station is an FXS port with an analog phone: enables on-hook caller ID.</summary>
    public bool Fxs { get; init; }

    /// <summary>Whether DTMF is detected in-band on the handset's audio (analog phones on FXS boards).</summary>
    public bool DetectInBandDtmf { get; init; }

    /// <summary>Our RTCP CNAME for the station's calls.</summary>
    public string Cname { get; init; } = "gateway@localhost";

    /// <summary>Time for RTCP, statistics and jitter buffers.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Where the station's media logs.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;
}
