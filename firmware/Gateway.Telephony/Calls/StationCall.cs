using Gateway.Media.Sessions;
using Gateway.Sip.UserAgent;
using Gateway.Telephony.Accounts;

namespace Gateway.Telephony.Calls;

/// <summary>
/// One call of a station: its SIP call, its media and what the user sees of it. Changed only on the station's loop;
/// the status API reads it from other threads through <see cref="Snapshot"/>, hence the lock.
/// </summary>
internal sealed class StationCall
{
    private readonly Lock _gate = new();
    private StationCallState _state;
    private string? _codec;
    private DateTimeOffset? _connectedAt;
    private ICallMedia? _media;

    public StationCall(CallDirection direction, string remoteParty, FollowMeAccount? account, SipCall sip, StationCallState state)
    {
        Direction = direction;
        RemoteParty = remoteParty;
        Account = account;
        Sip = sip;
        _state = state;
    }

    public CallDirection Direction { get; }

    public string RemoteParty { get; }

    /// <summary>Gets the card user the call is for or billed to; null in pay-phone mode.</summary>
    public FollowMeAccount? Account { get; }

    public SipCall Sip { get; }

    /// <summary>Gets or sets the SDP answer to send when the user answers (inbound).</summary>
    public string? AnswerSdp { get; set; }

    /// <summary>Gets or sets the codec negotiated before the answer (inbound).</summary>
    public string? NegotiatedCodec { get; set; }

    public StationCallState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }

        set
        {
            lock (_gate)
            {
                _state = value;
            }
        }
    }

    public ICallMedia? Media
    {
        get
        {
            lock (_gate)
            {
                return _media;
            }
        }

        set
        {
            lock (_gate)
            {
                _media = value;
            }
        }
    }

    public DateTimeOffset? ConnectedAt
    {
        get
        {
            lock (_gate)
            {
                return _connectedAt;
            }
        }
    }

    public void SetConnected(DateTimeOffset at, string? codec)
    {
        lock (_gate)
        {
            _state = StationCallState.Connected;
            _connectedAt = at;
            _codec = codec;
        }
    }

    public long DurationMs(DateTimeOffset now) => ConnectedAt is { } at ? Math.Max(0, (long)(now - at).TotalMilliseconds) : 0;

    /// <summary>Takes the media counters, or null when the media is gone or fails to report.</summary>
    public CallMediaStatus? MediaStatus()
    {
        var media = Media;
        try
        {
            return media?.GetStatus();
        }
        catch (ObjectDisposedException)
        {
            return null;
        }
    }

    public CallSnapshot Snapshot(DateTimeOffset now)
    {
        StationCallState state;
        string? codec;
        lock (_gate)
        {
            state = _state;
            codec = _codec;
        }

        var media = MediaStatus();
        return new CallSnapshot(Direction, state, RemoteParty, Account?.DisplayName, Account?.FollowMeNumber, media?.Codec ?? codec, DurationMs(now), media);
    }
}
