using System.Text;
using Gateway.Sip.Dialogs;
using Gateway.Sip.Headers;
using Gateway.Sip.Message;
using Gateway.Sip.Uris;

namespace Gateway.Sip.Tests.Dialogs;

public class DialogTests
{
    private const string Via = "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKtest";

    internal static SipRequest Invite(string extra = "", int cseq = 1) => Parse(
        "INVITE sip:bob@127.0.0.1:5080 SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKinv\r\n"
        + "From: <sip:alice@example.com>;tag=alice-tag\r\n"
        + "To: <sip:bob@example.com>\r\n"
        + "Call-ID: dlg-1\r\n"
        + $"CSeq: {cseq} INVITE\r\n"
        + "Contact: <sip:alice@127.0.0.1:5070>\r\n"
        + extra
        + "Content-Length: 0\r\n\r\n");

    [Fact]
    public void CreateUac_RouteSetIsRecordRouteReversed_TargetIsContact()
    {
        var response = Response(200, "Record-Route: <sip:p2.example.com;lr>\r\nRecord-Route: <sip:p1.example.com;lr>\r\nContact: <sip:bob@127.0.0.1:5099>\r\n");

        var dialog = Dialog.CreateUac(Invite(), response, "<sip:alice@127.0.0.1:5070>");

        Assert.Equal(new DialogId("dlg-1", "alice-tag", "bob-tag"), dialog.Id);
        Assert.Equal(DialogState.Confirmed, dialog.State);
        Assert.Equal(["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"], dialog.RouteSet.Select(r => r.ToString()));
        Assert.Equal("sip:bob@127.0.0.1:5099", dialog.RemoteTarget.ToString());
        Assert.Equal(1u, dialog.LocalSequence);
        Assert.Null(dialog.RemoteSequence);
    }

    [Fact]
    public void CreateUas_RouteSetInOrder_RemoteSequenceFromInvite_LocalUriCarriesOurTag()
    {
        var invite = Invite("Record-Route: <sip:p1.example.com;lr>\r\nRecord-Route: <sip:p2.example.com;lr>\r\n", cseq: 7);

        var dialog = Dialog.CreateUas(invite, "bob-tag", "<sip:bob@127.0.0.1:5080>", confirmed: false);

        Assert.Equal(new DialogId("dlg-1", "bob-tag", "alice-tag"), dialog.Id);
        Assert.Equal(DialogState.Early, dialog.State);
        Assert.Equal(["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"], dialog.RouteSet.Select(r => r.ToString()));
        Assert.Equal(7u, dialog.RemoteSequence);
        Assert.Equal("<sip:bob@example.com>;tag=bob-tag", dialog.LocalUri);
        Assert.Equal("<sip:alice@example.com>;tag=alice-tag", dialog.RemoteUri);
    }

    [Fact]
    public void SecureFlag_SetBySipsRequestUri()
    {
        var sips = Parse(Encoding.UTF8.GetString(Invite().Raw.Span).Replace("INVITE sip:bob@", "INVITE sips:bob@", StringComparison.Ordinal));

        Assert.True(Dialog.CreateUas(sips, "t", "<sips:bob@127.0.0.1>", true).IsSecure);
        Assert.False(Dialog.CreateUas(Invite(), "t", "<sip:bob@127.0.0.1>", true).IsSecure);
    }

    [Fact]
    public void CreateUas_WithoutContact_Throws()
    {
        var invite = Parse(Encoding.UTF8.GetString(Invite().Raw.Span).Replace("Contact: <sip:alice@127.0.0.1:5070>\r\n", string.Empty, StringComparison.Ordinal));

        Assert.Throws<ArgumentException>(() => Dialog.CreateUas(invite, "t", "<sip:bob@127.0.0.1>", true));
    }

    [Fact]
    public void AcceptRemoteSequence_LowerRejected_EqualOrHigherAccepted_AckAndCancelIgnored()
    {
        var dialog = Dialog.CreateUas(Invite(cseq: 5), "bob-tag", "<sip:bob@127.0.0.1:5080>", confirmed: true);

        Assert.False(dialog.AcceptRemoteSequence(InDialog("BYE", 4)));
        Assert.True(dialog.AcceptRemoteSequence(InDialog("ACK", 1)));
        Assert.True(dialog.AcceptRemoteSequence(InDialog("OPTIONS", 6)));
        Assert.Equal(6u, dialog.RemoteSequence);
        Assert.False(dialog.AcceptRemoteSequence(InDialog("BYE", 5)));
        Assert.True(dialog.AcceptRemoteSequence(InDialog("BYE", 100)));
    }

    [Fact]
    public void CreateRequest_LooseRoute_RequestUriIsTargetAndRoutesKeptInOrder_CSeqIncrements()
    {
        var dialog = Dialog.CreateUac(Invite(), Response(200, "Record-Route: <sip:p2.example.com;lr>\r\nRecord-Route: <sip:p1.example.com;lr>\r\nContact: <sip:bob@127.0.0.1:5099>\r\n"), "<sip:alice@127.0.0.1:5070>");

        var bye = dialog.CreateRequest("BYE", Via);
        var reInvite = dialog.CreateRequest("INVITE", Via);
        var ack = dialog.CreateRequest("ACK", Via, ackSequence: 3);

        Assert.Equal("sip:bob@127.0.0.1:5099", bye.RequestUriText.ToString());
        Assert.Equal(["<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>"], bye.Route.Select(r => r.ToString()));
        Assert.Equal("alice-tag", bye.From!.Tag);
        Assert.Equal("bob-tag", bye.To!.Tag);
        Assert.Equal(2u, bye.CSeq!.Number);
        Assert.Equal(3u, reInvite.CSeq!.Number);
        Assert.NotNull(reInvite.Contact);
        Assert.Null(bye.Contact);
        Assert.Equal(3u, ack.CSeq!.Number);
        Assert.Equal(3u, dialog.LocalSequence);
    }

    [Fact]
    public void CreateRequest_StrictRouter_FirstRouteBecomesRequestUriAndTargetGoesLast()
    {
        var dialog = Dialog.CreateUac(Invite(), Response(200, "Record-Route: <sip:p2.example.com;lr>\r\nRecord-Route: <sip:strict.example.com>\r\nContact: <sip:bob@127.0.0.1:5099>\r\n"), "<sip:alice@127.0.0.1:5070>");

        var bye = dialog.CreateRequest("BYE", Via);

        Assert.Equal("sip:strict.example.com", bye.RequestUriText.ToString());
        Assert.Equal(["<sip:p2.example.com;lr>", "<sip:bob@127.0.0.1:5099>"], bye.Route.Select(r => r.ToString()));
    }

    [Fact]
    public void UpdateRemoteTarget_TakesTheNewContact_ConfirmRecomputesRouteSetFrom2xx()
    {
        var invite = Invite();
        var dialog = Dialog.CreateUac(invite, Response(180, "Record-Route: <sip:early.example.com;lr>\r\nContact: <sip:bob@127.0.0.1:5080>\r\n"), "<sip:alice@127.0.0.1:5070>");
        Assert.Equal(DialogState.Early, dialog.State);

        dialog.Confirm(Response(200, "Record-Route: <sip:final.example.com;lr>\r\nContact: <sip:bob@127.0.0.1:5081>\r\n"));
        Assert.Equal(DialogState.Confirmed, dialog.State);
        Assert.Equal("<sip:final.example.com;lr>", Assert.Single(dialog.RouteSet).ToString());
        Assert.Equal("sip:bob@127.0.0.1:5081", dialog.RemoteTarget.ToString());

        dialog.UpdateRemoteTarget(InDialog("INVITE", 2, "Contact: <sip:bob@127.0.0.2:6000>\r\n"));
        Assert.Equal("sip:bob@127.0.0.2:6000", dialog.RemoteTarget.ToString());

        dialog.Terminate();
        dialog.Confirm();
        Assert.Equal(DialogState.Terminated, dialog.State);
    }

    [Fact]
    public void DialogRouting_EmptyRouteSet_RequestUriIsTarget()
    {
        var (uri, routes) = DialogRouting.Compute(AddressUri.Parse("sip:bob@127.0.0.1"), Array.Empty<SipNameAddress>());

        Assert.Equal("sip:bob@127.0.0.1", uri);
        Assert.Empty(routes);
    }

    internal static SipRequest InDialog(string method, int cseq, string extra = "") => Parse(
        $"{method} sip:bob@127.0.0.1:5080 SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKin\r\n"
        + "From: <sip:alice@example.com>;tag=alice-tag\r\n"
        + "To: <sip:bob@example.com>;tag=bob-tag\r\n"
        + "Call-ID: dlg-1\r\n"
        + $"CSeq: {cseq} {method}\r\n"
        + extra
        + "Content-Length: 0\r\n\r\n");

    private static SipResponse Response(int status, string extra) => (SipResponse)SipMessageReader.ParseDatagram(Encoding.UTF8.GetBytes(
        $"SIP/2.0 {status} X\r\n"
        + "Via: SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bKinv\r\n"
        + "From: <sip:alice@example.com>;tag=alice-tag\r\n"
        + "To: <sip:bob@example.com>;tag=bob-tag\r\n"
        + "Call-ID: dlg-1\r\n"
        + "CSeq: 1 INVITE\r\n"
        + extra
        + "Content-Length: 0\r\n\r\n")).Message!;

    private static SipRequest Parse(string text) => (SipRequest)SipMessageReader.ParseDatagram(Encoding.UTF8.GetBytes(text)).Message!;
}
