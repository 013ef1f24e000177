using System.Diagnostics;
using System.Text;

namespace Gateway.Media.IntegrationTests.JitterComparison;

/// <summary>
/// Watches a WAV file another process writes frame by frame (baresip's sndfile dump) and notes when its size grew,
/// so each frame of the finished file gets the time it was written: a playout timeline for a process we cannot
/// instrument. libsndfile writes each 20 ms frame with one write(2); the resolution is the 1 ms poll plus scheduling.
/// </summary>
internal sealed class GrowingWavTimeline : IPlayoutRecording, IDisposable
{
    private readonly string _path;
    private readonly List<(long At, long Length)> _growth = [];
    private readonly Thread _poller;
    private volatile bool _stopping;
    private short[] _samples = [];
    private long[] _frameTimes = [];

    public GrowingWavTimeline(string path)
    {
        _path = path;
        _poller = new Thread(Poll) { IsBackground = true, Name = "wav-timeline", Priority = ThreadPriority.AboveNormal };
        _poller.Start();
    }

    public int Rate { get; private set; } = MarkedTone.Rate;

    public int FrameSamples => MarkedTone.FrameSamples;

    public ReadOnlySpan<short> Samples => _samples;

    public long FrameTime(int frame) => frame < _frameTimes.Length ? _frameTimes[frame] : 0;

    /// <summary>Stops watching and reads the file: call once the writer has closed it.</summary>
    public void Complete()
    {
        Stop();
        var bytes = File.ReadAllBytes(_path);
        var dataOffset = DataOffset(bytes);
        _samples = Wav.Read(_path, out var rate);
        Rate = rate;
        _frameTimes = new long[_samples.Length / FrameSamples];
        var g = 0;
        for (var f = 0; f < _frameTimes.Length; f++)
        {
            var end = dataOffset + ((long)(f + 1) * FrameSamples * 2);
            while (g < _growth.Count && _growth[g].Length < end)
            {
                g++;
            }

            _frameTimes[f] = g < _growth.Count ? _growth[g].At : 0;
        }
    }

    public void Dispose() => Stop();

    private void Stop()
    {
        _stopping = true;
        _poller.Join(TimeSpan.FromSeconds(2));
    }

    private void Poll()
    {
        long last = -1;
        while (!_stopping)
        {
            long length;
            try
            {
                length = new FileInfo(_path).Length;
            }
            catch (IOException)
            {
                length = -1;
            }

            if (length > last)
            {
                _growth.Add((Stopwatch.GetTimestamp(), length));
                last = length;
            }

            Thread.Sleep(1);
        }
    }

    private static long DataOffset(byte[] bytes)
    {
        var offset = 12;
        while (offset + 8 <= bytes.Length)
        {
            var size = BitConverter.ToInt32(bytes, offset + 4);
            if (Encoding.ASCII.GetString(bytes, offset, 4) == "data")
            {
                return offset + 8;
            }

            offset += 8 + size + (size & 1);
        }

        throw new InvalidDataException($"{bytes.Length}-byte WAV without a data chunk");
    }
}
