using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Gateway.Sip.Message;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Tests.Transport;

/// <summary>Thread-safe TU and helpers for tests on real loopback sockets.</summary>
internal sealed class SocketTestUser : ISipTransactionUser, ISipClientTransactionUser
{
    public Channel<ServerTransaction> Requests { get; } = Channel.CreateUnbounded<ServerTransaction>();

    public Channel<SipResponse> Responses { get; } = Channel.CreateUnbounded<SipResponse>();

    public int AnswerWith { get; init; } = 200;

    public void OnRequest(ServerTransaction transaction)
    {
        Requests.Writer.TryWrite(transaction);
        if (AnswerWith > 0)
        {
            transaction.Respond(AnswerWith);
        }
    }

    public void OnAck(SipRequest ack, in SipInboundContext context)
    {
    }

    public void OnAckTimeout(ServerInviteTransaction transaction)
    {
    }

    public void OnResponse(ClientTransaction transaction, SipResponse response) => Responses.Writer.TryWrite(response);

    public static async Task<T> ReadAsync<T>(Channel<T> channel) =>
        await channel.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

    public static string HostPort(IPEndPoint endPoint) =>
        endPoint.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{endPoint.Address}]:{endPoint.Port}" : $"{endPoint.Address}:{endPoint.Port}";

    public static string RequestText(string method, string transport, string sentBy, IPEndPoint target, string branch, string viaParams = "") =>
        $"{method} sip:gw@{HostPort(target)} SIP/2.0\r\n"
        + $"Via: SIP/2.0/{transport} {sentBy};branch={branch}{viaParams}\r\n"
        + "Max-Forwards: 70\r\n"
        + "From: <sip:test@example.invalid>;tag=t1\r\n"
        + "To: <sip:gw@example.invalid>\r\n"
        + $"Call-ID: {branch}@test\r\n"
        + $"CSeq: 1 {method}\r\n"
        + "Content-Length: 0\r\n\r\n";

    public static SipRequest Request(string method, string transport, string sentBy, IPEndPoint target, string branch, string viaParams = "") =>
        (SipRequest)SipMessageReader.ParseDatagram(Encoding.UTF8.GetBytes(RequestText(method, transport, sentBy, target, branch, viaParams))).Message!;

    public static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not reached");
            }

            await Task.Delay(10);
        }
    }
}
