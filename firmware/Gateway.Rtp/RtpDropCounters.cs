namespace Gateway.Rtp;

/// <summary>Counts dropped datagrams per <see cref="RtpDropReason"/>; safe to bump from the receive loop and read elsewhere.</summary>
public sealed class RtpDropCounters
{
    private readonly long[] _counts = new long[Enum.GetValues<RtpDropReason>().Length];

    /// <summary>Counts one drop.</summary>
    public void Increment(RtpDropReason reason)
    {
        if (reason != RtpDropReason.None)
        {
            Interlocked.Increment(ref _counts[(int)reason]);
        }
    }

    /// <summary>Drops so far for one reason.</summary>
    public long Get(RtpDropReason reason) => Interlocked.Read(ref _counts[(int)reason]);

    /// <summary>All drops so far.</summary>
    public long Total
    {
        get
        {
            long sum = 0;
            for (var i = 1; i < _counts.Length; i++)
            {
                sum += Interlocked.Read(ref _counts[i]);
            }

            return sum;
        }
    }
}
