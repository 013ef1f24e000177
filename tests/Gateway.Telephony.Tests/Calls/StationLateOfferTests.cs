using System.Text;
using System.Text.RegularExpressions;
using Gateway.Dsp.Tones;
using Gateway.Sip.Message;

namespace Gateway.Telephony.Tests.Calls;

/// <summary>
/// An INVITE without an offer (RFC 3261 §13.2.1), as some PBXs and SBCs send it: the station rings, off-hook sends
/// our offer in the 200, and the answer must come in the ACK. Played by a raw peer, since our UAC always offers.
/// </summary>
public sealed partial class StationLateOfferTests : IAsyncDisposable
{
    private const string CallId = "late-offer-1@127.0.0.1";
    private readonly StationCallHarness _h = new();
    private readonly RawSipPeer _caller;

    public StationLateOfferTests() => _caller = new RawSipPeer(_h.Network, 5092);

    [Fact]
    public async Task OfferlessInvite_RingsThenOfferIn200_AnswerInAck_Connected()
    {
        var ok = await RingAndAnswerAsync();

        Assert.Equal(FakeCallMedia.OfferSdp, Encoding.UTF8.GetString(ok.Body.Span));
        Assert.Contains("Content-Type: application/sdp", Text(ok), StringComparison.OrdinalIgnoreCase);

        SendAck(ok, FakeCallMedia.AnswerSdp);
        var answered = await _h.NextAsync("call.answered");

        Assert.Equal("PCMU", answered.Data!["codec"]!.GetValue<string>());
        Assert.Equal(FakeCallMedia.AnswerSdp, _h.Audio.Medias[0].AppliedAnswer);
        Assert.Equal(Gateway.Telephony.Calls.StationCallState.Connected, _h.Station.Snapshot().Call!.State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("v=0\r\nthis is not SDP\r\n")]
    public async Task AckWithoutUsableAnswer_ByeAndMediaFailed(string? ackBody)
    {
        var ok = await RingAndAnswerAsync();
        _h.Audio.Medias[0].FailNegotiation = true;

        SendAck(ok, ackBody);
        var ended = await _h.NextAsync("call.ended");

        Assert.Equal("media-failed", ended.Data!["cause"]!.GetValue<string>());
        await WaitForAsync(() => Find(m => m.ToString().StartsWith("BYE ", StringComparison.Ordinal)) is not null);
        await _h.SettleAsync();
        Assert.Equal(ToneKind.Reorder, _h.Audio.Tone);
        Assert.True(_h.Audio.Medias[0].Disposed);
    }

    [Fact]
    public async Task OnHookBeforeTheAck_SendsBye()
    {
        await RingAndAnswerAsync();

        _h.OnHook();
        var ended = await _h.NextAsync("call.ended");

        Assert.Equal("local-hangup", ended.Data!["cause"]!.GetValue<string>());
        await WaitForAsync(() => Find(m => m.ToString().StartsWith("BYE ", StringComparison.Ordinal)) is not null);
    }

    public ValueTask DisposeAsync() => _h.DisposeAsync();

    private async Task<SipResponse> RingAndAnswerAsync()
    {
        var alice = _h.Insert(StationCallHarness.Account("Alice", "+15557770001"));
        _caller.Send(_h.Gateway.Address, $"""
            INVITE {_h.Gateway.UriFor(alice.ContactUser)} SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:5092;branch=z9hG4bK-late-invite
            From: "PBX" <sip:+15550002222@127.0.0.1:5092>;tag=pbx1
            To: <{_h.Gateway.UriFor(alice.ContactUser)}>
            Call-ID: {CallId}
            CSeq: 1 INVITE
            Contact: <sip:pbx@127.0.0.1:5092>
            Max-Forwards: 70
            Content-Length: 0


            """);
        await _h.NextAsync("call.ringing");
        Assert.True(_h.Ringer.IsRinging);

        _h.OffHook();
        SipResponse? ok = null;
        await WaitForAsync(() => (ok = Find(m => m is SipResponse { StatusCode: 200 }) as SipResponse) is not null);
        return ok!;
    }

    private void SendAck(SipResponse ok, string? sdp)
    {
        var text = Text(ok);
        var toTag = ToTag().Match(text).Groups[1].Value;
        var contact = ContactUri().Match(text).Groups[1].Value;
        var body = sdp ?? string.Empty;
        var contentType = sdp is null ? string.Empty : "Content-Type: application/sdp\r\n";
        _caller.Send(_h.Gateway.Address,
            $"ACK {contact} SIP/2.0\r\n" +
            "Via: SIP/2.0/UDP 127.0.0.1:5092;branch=z9hG4bK-late-ack\r\n" +
            "From: \"PBX\" <sip:+15550002222@127.0.0.1:5092>;tag=pbx1\r\n" +
            $"To: <sip:x@127.0.0.1>;tag={toTag}\r\n" +
            $"Call-ID: {CallId}\r\nCSeq: 1 ACK\r\nMax-Forwards: 70\r\n{contentType}" +
            $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}");
    }

    private static string Text(SipMessage message) => Encoding.UTF8.GetString(message.Raw.Span);

    private SipMessage? Find(Func<SipMessage, bool> match)
    {
        lock (_caller.Received)
        {
            return _caller.Received.FirstOrDefault(match);
        }
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 250 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "timed out");
    }

    [GeneratedRegex(@"^To:.*;tag=([^;\s>]+)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ToTag();

    [GeneratedRegex(@"^Contact:\s*<([^>]+)>", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ContactUri();
}
