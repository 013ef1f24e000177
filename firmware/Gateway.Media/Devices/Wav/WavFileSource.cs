using Gateway.Codecs;

namespace Gateway.Media.Devices.Wav;

/// <summary>
/// Plays a WAV file in a loop as captured audio. The file is read and, when its rate differs from the device's,
/// resampled once when opened, so capturing a frame is a copy.
/// </summary>
public sealed class WavFileSource
{
    private readonly short[] _samples;
    private int _position;

    /// <summary>Loads <paramref name="path"/> for playback at <paramref name="sampleRate"/>.</summary>
    /// <exception cref="AudioDeviceException">The file is missing, unreadable or not mono 16-bit PCM.</exception>
    public WavFileSource(string path, int sampleRate)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException ex)
        {
            throw new AudioDeviceException($"cannot read WAV source {path}: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new AudioDeviceException($"cannot read WAV source {path}: {ex.Message}", ex);
        }

        var samples = WavHeader.ReadSamples(bytes, out var fileRate);
        if (samples.Length == 0)
        {
            throw new AudioDeviceException($"WAV source {path} has no samples");
        }

        if (fileRate != sampleRate)
        {
            var resampler = new Resampler(fileRate, sampleRate);
            var output = new short[resampler.MaxOutputLength(samples.Length)];
            var written = resampler.Process(samples, output);
            samples = output.AsSpan(0, written).ToArray();
        }

        _samples = samples;
        SampleRate = sampleRate;
    }

    /// <summary>The rate samples are delivered at.</summary>
    public int SampleRate { get; }

    /// <summary>Samples in one loop of the file (after resampling).</summary>
    public int LoopSamples => _samples.Length;

    /// <summary>Copies the next <paramref name="frame"/>.Length samples, wrapping to the start at the end.</summary>
    public void Read(Span<short> frame)
    {
        var filled = 0;
        while (filled < frame.Length)
        {
            var run = Math.Min(frame.Length - filled, _samples.Length - _position);
            _samples.AsSpan(_position, run).CopyTo(frame[filled..]);
            filled += run;
            _position = (_position + run) % _samples.Length;
        }
    }
}
