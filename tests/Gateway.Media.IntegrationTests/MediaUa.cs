using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Gateway.Media.Devices.Wav;
using Gateway.Media.Sessions;
using Gateway.Sip.Dialogs;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;
using Gateway.Sip.UserAgent;

namespace Gateway.Media.IntegrationTests;

/// <summary>
/// Our SipUserAgent on 127.0.0.1 with a station whose audio is WAV files, and a small test-side bridge from SIP
/// bodies to <see cref="ICallMedia"/> (the product's bridge belongs to the station's state machine): an INVITE
/// offer is answered by the call media or refused with 488, a re-INVITE likewise, an outgoing call's 2xx answer
/// is applied.
/// </summary>
internal sealed class MediaUa : IIncomingCallHandler, ISipSessionHandler, IAsyncDisposable
{
    private const string Sdp = "application/sdp";

    private readonly SipStackHost _host;
    private readonly ConcurrentDictionary<string, ICallMedia> _media = new();
    private readonly TaskCompletionSource<(SipIncomingCall Call, ICallMedia? Media)> _incoming = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public MediaUa(string? sourceWav, string? sinkWav, IReadOnlyList<string> codecs, int sampleRate = 8000)
    {
        Codecs = codecs;
        Device = new WavAudioDevice(AudioFormat.ForFrameMs(sampleRate, 20), sourceWav, sinkWav);
        Station = new StationAudio(new StationAudioOptions { Device = Device, LocalRtpAddress = IPAddress.Loopback });
        var udp = new UdpSipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        Local = udp.LocalEndPoint;
        Agent = new SipUserAgent(new SipUserAgentOptions { Local = new SipEndPoint(SipTransportKind.Udp, Local), User = "gw", SessionHandler = this }, this);
        _host = SipStackHost.Create([udp], Agent, new SipStackOptions { Validator = SipUserAgent.CreateValidator() });
        Agent.Attach(_host.Transactions);
    }

    public IPEndPoint Local { get; }

    public SipUserAgent Agent { get; }

    public StationAudio Station { get; }

    public WavAudioDevice Device { get; }

    public IReadOnlyList<string> Codecs { get; }

    /// <summary>Why offers were refused (initial or re-INVITE), in order.</summary>
    public ConcurrentQueue<string> Refusals { get; } = new();

    /// <summary>Re-INVITE offers received, as text.</summary>
    public ConcurrentQueue<string> ReInviteOffers { get; } = new();

    public Task<(SipIncomingCall Call, ICallMedia? Media)> Incoming => _incoming.Task;

    public string Uri => $"sip:gw@127.0.0.1:{Local.Port}";

    public static SipBodyContent Body(string sdp) => new(Encoding.UTF8.GetBytes(sdp), Sdp);

    public static string Text(ReadOnlyMemory<byte> body) => Encoding.UTF8.GetString(body.Span);

    /// <summary>Calls <paramref name="target"/> with an offer; on 2xx applies the answer (which starts the stream).</summary>
    public async Task<(SipOutgoingCall Call, CallMediaSession Media, CallMediaNegotiation Answer)> CallAsync(string target, TimeSpan timeout)
    {
        var media = (CallMediaSession)Station.CreateCallMedia(Codecs);
        var call = Agent.Call(target, Body(media.CreateOffer()));
        _media[call.CallId] = media;
        await call.Connected.WaitAsync(timeout);
        var answer = media.ApplyAnswer(Text(call.LastResponse!.Body));
        return (call, media, answer);
    }

    /// <summary>Holds (or resumes) the peer with a re-INVITE from our side and applies its answer.</summary>
    public static async Task<CallMediaNegotiation> ReInviteAsync(SipCall call, CallMediaSession media, bool hold, TimeSpan timeout)
    {
        var response = await call.ReInviteAsync(Body(hold ? media.CreateHoldOffer() : media.CreateResumeOffer())).WaitAsync(timeout);
        Assert.Equal(200, response.StatusCode);
        return media.ApplyAnswer(Text(response.Body));
    }

    public void OnIncomingCall(SipIncomingCall incomingCall)
    {
        var media = Station.CreateCallMedia(Codecs);
        var negotiation = incomingCall.Offer is { } offer
            ? media.AnswerOffer(Text(offer.Content))
            : CallMediaNegotiation.Fail("offerless INVITE not supported by this test bridge");
        if (!negotiation.Succeeded)
        {
            Refusals.Enqueue(negotiation.Error ?? "?");
            incomingCall.Reject(488);
            _ = media.DisposeAsync().AsTask();
            _incoming.TrySetResult((incomingCall, null));
            return;
        }

        _media[incomingCall.CallId] = media;
        incomingCall.Accept(Body(negotiation.Sdp!));
        media.Start();
        _incoming.TrySetResult((incomingCall, media));
    }

    public SipBodyContent? AnswerReInvite(SipCall sipCall, SipBodyContent? offer)
    {
        var text = offer is null ? null : Text(offer.Content);
        ReInviteOffers.Enqueue(text ?? string.Empty);
        if (!_media.TryGetValue(sipCall.CallId, out var media))
        {
            Refusals.Enqueue("re-INVITE for a call without media");
            return null;
        }

        var negotiation = media.AnswerReInvite(text);
        if (!negotiation.Succeeded)
        {
            Refusals.Enqueue(negotiation.Error ?? "?");
            return null;
        }

        return Body(negotiation.Sdp!);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var media in _media.Values)
        {
            await media.DisposeAsync();
        }

        await _host.DisposeAsync();
        await Station.DisposeAsync();
    }
}
