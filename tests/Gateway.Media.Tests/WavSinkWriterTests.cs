using Gateway.Media.Devices.Wav;

namespace Gateway.Media.Tests;

public sealed class WavSinkWriterTests : IDisposable
{
    private static readonly AudioFormat Format = new(8000, 160);
    private readonly string _dir = Directory.CreateTempSubdirectory("media-wavsink-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task DevicePlayout_StillOpen_FileCoversEveryFrameSoonAfter()
    {
        var path = Path.Combine(_dir, "open.wav");
        using var device = new WavAudioDevice(Format, null, path);
        var frames = Frames(5);
        foreach (var frame in frames)
        {
            device.Playout(frame);
        }

        // The writer batches for about 0.1 s; read as a tool would while the gateway runs (no dispose yet).
        short[] samples = [];
        for (var waited = 0; waited < 5000 && samples.Length < 5 * 160; waited += 20)
        {
            await Task.Delay(20);
            samples = ReadWhileOpen(path);
        }

        Assert.Equal(frames.SelectMany(f => f), samples);
    }

    [Fact]
    public void DevicePlayout_DisposedAtOnce_EveryQueuedFrameWrittenInOrder()
    {
        var path = Path.Combine(_dir, "disposed.wav");
        var frames = Frames(60);
        using (var device = new WavAudioDevice(Format, null, path))
        {
            foreach (var frame in frames)
            {
                device.Playout(frame);
            }
        }

        Assert.Equal(frames.SelectMany(f => f), WavHeader.ReadSamples(File.ReadAllBytes(path), out _));
    }

    [Fact]
    public void DevicePlayout_WrongFrameLength_Rejected()
    {
        using var device = new WavAudioDevice(Format, null, Path.Combine(_dir, "wrong.wav"));
        Assert.Throws<ArgumentException>(() => device.Playout(new short[100]));
    }

    [Fact]
    public async Task FileFails_LaterWritesThrowAudioDeviceException_NothingCrashes()
    {
        var stream = new ScriptedStream { FailWrites = false };
        var sink = new WavFileSink(stream, 8000);
        stream.FailWrites = true;
        using var writer = new WavSinkWriter(sink, 160, 10, TimeSpan.FromMilliseconds(5));
        writer.Write(new short[160]);
        for (var waited = 0; waited < 5000 && writer.Failure is null; waited += 10)
        {
            await Task.Delay(10);
        }

        Assert.Contains("disk full", writer.Failure, StringComparison.Ordinal);
        var ex = Assert.Throws<AudioDeviceException>(() => writer.Write(new short[160]));
        Assert.Contains("disk full", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiskStallsLongerThanRing_OldestFramesDroppedAndCounted_RestWrittenInOrder()
    {
        var stream = new ScriptedStream();
        var frames = Frames(9);
        using (var writer = new WavSinkWriter(new WavFileSink(stream, 8000), 160, 4, TimeSpan.FromMilliseconds(5)))
        {
            stream.BlockWrites = true;
            writer.Write(frames[0]);
            Assert.True(await Task.Run(() => stream.WriteEntered.Wait(TimeSpan.FromSeconds(5))), "the writer never wrote");

            // The writer is stuck in the file with frame 0; frames 1-8 arrive, the ring holds 4.
            foreach (var frame in frames[1..])
            {
                writer.Write(frame);
            }

            Assert.Equal(4, writer.FramesDropped);
            stream.Release();
        }

        var samples = WavHeader.ReadSamples(stream.ToArray(), out _);
        Assert.Equal(frames[0].Concat(frames[5..].SelectMany(f => f)), samples);
    }

    private static short[][] Frames(int count) =>
        [.. Enumerable.Range(0, count).Select(i => Enumerable.Range(0, 160).Select(s => (short)((i * 160) + s)).ToArray())];

    private static short[] ReadWhileOpen(string path)
    {
        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var bytes = new byte[reader.Length];
        reader.ReadExactly(bytes);
        return WavHeader.ReadSamples(bytes, out _);
    }

    /// <summary>A memory file whose writes can fail or block until released.</summary>
    private sealed class ScriptedStream : MemoryStream
    {
        private readonly ManualResetEventSlim _released = new(false);

        public bool FailWrites { get; set; }

        public bool BlockWrites { get; set; }

        public ManualResetEventSlim WriteEntered { get; } = new(false);

        public void Release() => _released.Set();

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Enter();
            base.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            Enter();
            base.Write(buffer, offset, count);
        }

        protected override void Dispose(bool disposing)
        {
            // MemoryStream.ToArray still works once closed, so the test reads what the sink wrote after this.
            _released.Set();
            base.Dispose(disposing);
        }

        private void Enter()
        {
            if (FailWrites)
            {
                throw new IOException("disk full");
            }

            if (BlockWrites)
            {
                WriteEntered.Set();
                _released.Wait();
            }
        }
    }
}
