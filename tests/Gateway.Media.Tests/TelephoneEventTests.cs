using Gateway.Media.Streams;
using Gateway.Rtp;

namespace Gateway.Media.Tests;

public sealed class TelephoneEventTests
{
    [Fact]
    public void Sender_OneDigit_MarkerFirstSameTimestampGrowingDurationThenThreeEnds()
    {
        var sender = new TelephoneEventSender(8000, 20, durationMs: 100);
        sender.Enqueue("5");
        var events = new TelephoneEvent[3];
        var seen = new List<(int Count, uint Ts, bool Marker, TelephoneEvent First)>();
        uint frameTs = 1000;
        for (var i = 0; i < 5; i++)
        {
            var count = sender.Next(frameTs, 160, events, out var ts, out var marker);
            seen.Add((count, ts, marker, events[0]));
            frameTs += 160;
        }

        Assert.True(seen[0].Marker);
        Assert.All(seen, s => Assert.Equal(1000u, s.Ts));
        Assert.Equal(new ushort[] { 160, 320, 480, 640, 800 }, seen.Select(s => s.First.Duration));
        Assert.Equal(3, seen[4].Count);
        Assert.All(events, e => Assert.True(e.End));
        Assert.Equal(3, sender.EndPacketsSent);
    }

    [Fact]
    public void Receiver_TripleEnd_OneDigit_LostEnds_ReportedAtNextEvent_Malformed_Counted()
    {
        var receiver = new TelephoneEventReceiver(8000);
        var digits = new List<char>();
        receiver.DigitReceived += (_, e) => digits.Add(e.Digit);
        var payload = new byte[4];

        void Send(uint ts, byte ev, bool end)
        {
            _ = new TelephoneEvent(ev, end, 10, 800).Write(payload);
            receiver.Receive(new RtpHeader(101, 1, ts, 1), payload);
        }

        Send(100, 7, false);
        Send(100, 7, true);
        Send(100, 7, true);
        Send(100, 7, true);
        Send(2000, 3, false);
        Send(4000, 11, false);
        receiver.Receive(new RtpHeader(101, 1, 5000, 1), [1, 2]);

        Assert.Equal("73", new string([.. digits]));
        Assert.Equal(3, receiver.EndPacketsReceived);
        Assert.Equal(1, receiver.Malformed);
    }
}
