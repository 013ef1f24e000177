using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Gateway.Sip.Message;

namespace Gateway.Benchmarks;

/// <summary>
/// Parse cost against the cost of moving the same bytes through loopback UDP (the baseline), so the
/// Ratio column says what fraction of a receive the parser adds.
/// </summary>
[MemoryDiagnoser]
public class SipParserBenchmarks : IDisposable
{
    private readonly NullHandler _handler = new();
    private readonly byte[] _receiveBuffer = new byte[65536];
    private Socket? _sender;
    private Socket? _receiver;
    private EndPoint? _receiverEndPoint;

    [GlobalSetup]
    public void Setup()
    {
        _receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _receiverEndPoint = _receiver.LocalEndPoint;
        _sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    [GlobalCleanup]
    public void Cleanup() => Dispose();

    [Benchmark(Baseline = true, Description = "UDP loopback send+receive INVITE")]
    public int UdpLoopbackInvite()
    {
        _sender!.SendTo(BenchmarkMessages.Invite, _receiverEndPoint!);
        return _receiver!.Receive(_receiveBuffer);
    }

    [Benchmark(Description = "INVITE: handler parse (null handler)")]
    public int InviteHandlerOnly()
    {
        SipParser.TryParseMessage(BenchmarkMessages.Invite, _handler, out var consumed, out _);
        return consumed;
    }

    [Benchmark(Description = "INVITE: framing + headers (SipMessage)")]
    public SipMessage? InviteFramingAndHeaders() => SipMessageReader.ParseDatagram(BenchmarkMessages.Invite).Message;

    [Benchmark(Description = "INVITE: + Via/From/To/Call-ID/CSeq typed")]
    public object? InviteTyped()
    {
        var m = SipMessageReader.ParseDatagram(BenchmarkMessages.Invite).Message!;
        return (m.Via[0], m.From, m.To, m.CallId, m.CSeq);
    }

    [Benchmark(Description = "200 OK REGISTER: framing + headers")]
    public SipMessage? RegisterOkFramingAndHeaders() => SipMessageReader.ParseDatagram(BenchmarkMessages.RegisterOk).Message;

    [Benchmark(Description = "200 OK REGISTER: + typed")]
    public object? RegisterOkTyped()
    {
        var m = SipMessageReader.ParseDatagram(BenchmarkMessages.RegisterOk).Message!;
        return (m.Via[0], m.From, m.To, m.CallId, m.CSeq);
    }

    public void Dispose()
    {
        _sender?.Dispose();
        _receiver?.Dispose();
        _sender = null;
        _receiver = null;
        GC.SuppressFinalize(this);
    }
}
