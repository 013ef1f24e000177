namespace Gateway.Media.Clock;

/// <summary>Something the media clock drives once per tick (an RTP audio stream).</summary>
public interface IMediaClockSink
{
    /// <summary>Runs one frame period's work. Called on the clock thread; must not block or allocate.</summary>
    /// <param name="tick">The tick's index since the clock started (gaps mean skipped ticks).</param>
    void OnTick(long tick);
}
