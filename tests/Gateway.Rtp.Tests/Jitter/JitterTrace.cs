using Gateway.Rtp.Jitter;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Rtp.Tests.Jitter;

/// <summary>
/// Plays a synthetic arrival trace through a buffer on fake time: packets arrive at given milliseconds, the
/// playout clock pulls a frame every 20 ms. Returns what each pull gave.
/// </summary>
internal sealed class JitterTrace
{
    private readonly List<(long AtMs, ushort Seq)> _arrivals = [];

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UnixEpoch);

    public AdaptiveJitterBuffer Buffer { get; }

    public JitterTrace(JitterBufferOptions? options = null) => Buffer = new AdaptiveJitterBuffer(options ?? new JitterBufferOptions(), Time);

    public JitterTrace Arrive(long atMs, ushort seq)
    {
        _arrivals.Add((atMs, seq));
        return this;
    }

    /// <summary>Sequence n sent at n·20 ms, arriving after the delay the function gives (null = lost).</summary>
    public JitterTrace Stream(int count, Func<int, long?> delayMs, int firstSeq = 0)
    {
        for (var n = firstSeq; n < firstSeq + count; n++)
        {
            if (delayMs(n) is { } d)
            {
                Arrive((n * 20L) + d, (ushort)n);
            }
        }

        return this;
    }

    /// <summary>Called after each pull with its time; the frame it gave counts as quiet unless this says otherwise.</summary>
    public Func<long, bool>? QuietAt { get; set; }

    public List<(JitterBufferResult Result, int Seq)> Run(long untilMs, long playoutPhaseMs = 5, Action<long>? afterTick = null)
    {
        var events = _arrivals.OrderBy(a => a.AtMs).ToList();
        var results = new List<(JitterBufferResult, int)>();
        var payload = new byte[512];
        var body = new byte[2];
        var next = 0;
        var now = 0L;
        for (var tick = playoutPhaseMs; tick <= untilMs; tick += 20)
        {
            while (next < events.Count && events[next].AtMs <= tick)
            {
                Advance(ref now, events[next].AtMs);
                var (_, seq) = events[next++];
                body[0] = (byte)(seq >> 8);
                body[1] = (byte)seq;
                Buffer.Put(new RtpHeader(0, seq, 1000u + (uint)(seq * 160), 42), body);
            }

            Advance(ref now, tick);
            var r = Buffer.Get(payload, out var length);
            results.Add((r, r == JitterBufferResult.Frame && length == 2 ? (payload[0] << 8) | payload[1] : -1));
            if (QuietAt is not null)
            {
                Buffer.ReportPlayedFrame(QuietAt(tick));
            }

            afterTick?.Invoke(tick);
        }

        return results;
    }

    private void Advance(ref long now, long to)
    {
        if (to > now)
        {
            Time.Advance(TimeSpan.FromMilliseconds(to - now));
            now = to;
        }
    }
}
