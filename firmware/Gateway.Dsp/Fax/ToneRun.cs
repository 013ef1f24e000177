namespace Gateway.Dsp.Fax;

/// <summary>A run of 10 ms blocks holding one tone, with short gaps bridged.</summary>
internal struct ToneRun
{
    public bool Active;
    public bool Reported;
    public long FirstBlock;
    public long LastBlock;

    public readonly int Length(long block) => (int)(block - FirstBlock + 1);

    /// <summary>Feeds one block; returns the finished run (first block, length in blocks) once a gap exceeds the bridge.</summary>
    public (long FirstBlock, int Blocks)? Update(bool present, long block, int bridgedGap)
    {
        if (present)
        {
            if (!Active)
            {
                Active = true;
                Reported = false;
                FirstBlock = block;
            }

            LastBlock = block;
            return null;
        }

        if (Active && block - LastBlock > bridgedGap)
        {
            Active = false;
            return (FirstBlock, (int)(LastBlock - FirstBlock + 1));
        }

        return null;
    }
}
