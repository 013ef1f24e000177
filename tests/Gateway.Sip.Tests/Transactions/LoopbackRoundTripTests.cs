using System.Net;
using Gateway.Sip.Message;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Sip.Tests.Transactions;

public class LoopbackRoundTripTests
{
    private static readonly IPEndPoint s_uac = new(IPAddress.Loopback, 5060);
    private static readonly IPEndPoint s_uas = new(IPAddress.Loopback, 5080);

    [Fact]
    public void SendRequest_FirstInviteLost_RetransmissionAnsweredAndNonSuccessAcked()
    {
        var (network, time, client, clientUser, server, serverUser) = CreatePair();
        serverUser.Answer = tx => tx.Respond(486);
        var dropped = 0;
        network.Drop = p => p.Text.StartsWith("INVITE", StringComparison.Ordinal) && dropped++ == 0;

        var tx = client.SendRequest(Retarget(TransactionHarness.OutgoingRequest("INVITE")), new SipEndPoint(SipTransportKind.Udp, s_uas), clientUser);
        Assert.Empty(serverUser.Requests);
        time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.Single(serverUser.Requests);
        Assert.Equal(486, Assert.Single(clientUser.Responses).StatusCode);
        Assert.Equal(SipTransactionState.Confirmed, serverUser.Requests[0].State);
        Assert.Equal(SipTransactionState.Completed, tx.State);
    }

    [Fact]
    public async Task SendRequest_InviteAnswered200_TuAckReachesServerTu()
    {
        var (_, time, client, clientUser, server, serverUser) = CreatePair();
        serverUser.Answer = tx => tx.Respond(200);

        client.SendRequest(Retarget(TransactionHarness.OutgoingRequest("INVITE")), new SipEndPoint(SipTransportKind.Udp, s_uas), clientUser);
        var ok = Assert.Single(clientUser.Responses);
        var ack = (SipRequest)SipMessageBuilder.ForRequest("ACK", "sip:peer@127.0.0.1:5080")
            .AddHeader("Via", $"SIP/2.0/UDP 127.0.0.1:5060;branch={SipBranch.Create()}")
            .AddHeader("From", "<sip:gw@127.0.0.1>;tag=gw-tag")
            .AddHeader("To", ok.To!.ToString())
            .AddHeader("Call-ID", "out-1@gw")
            .AddHeader("CSeq", "1 ACK")
            .Build();
        await client.SendStatelessAsync(ack, new SipEndPoint(SipTransportKind.Udp, s_uas));
        time.Advance(TimeSpan.FromSeconds(2));

        Assert.Single(serverUser.Acks);
        Assert.True(((ServerInviteTransaction)serverUser.Requests[0]).IsAcknowledged);
        Assert.Single(clientUser.Responses);
    }

    private static SipRequest Retarget(SipRequest request) =>
        (SipRequest)SipMessageReader.ParseDatagram(System.Text.Encoding.UTF8.GetBytes(
            System.Text.Encoding.UTF8.GetString(request.Raw.Span).Replace("127.0.0.1:5070", "127.0.0.1:5080", StringComparison.Ordinal))).Message!;

    private static (LoopbackSipNetwork Network, FakeTimeProvider Time, SipTransactionLayer Client, RecordingUser ClientUser, SipTransactionLayer Server, RecordingUser ServerUser) CreatePair()
    {
        var network = new LoopbackSipNetwork();
        var time = new FakeTimeProvider();
        var clientUser = new RecordingUser();
        var serverUser = new RecordingUser();
        var clientTransports = new SipTransportLayer();
        clientTransports.Add(network.CreateTransport(SipTransportKind.Udp, s_uac));
        var serverTransports = new SipTransportLayer();
        serverTransports.Add(network.CreateTransport(SipTransportKind.Udp, s_uas));
        return (network, time, new SipTransactionLayer(clientTransports, clientUser, timeProvider: time), clientUser, new SipTransactionLayer(serverTransports, serverUser, timeProvider: time), serverUser);
    }
}
