using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Gateway.Media.Devices.Wav;

/// <summary>
/// Writes audio to a WAV file. The RIFF and data sizes are patched after every <see cref="Write"/>, so a process
/// stopped abruptly leaves a valid file holding everything written so far; <see cref="Dispose"/> patches them a last
/// time. Each write is file I/O: a station's device (<see cref="WavAudioDevice"/>) calls it from its own writer
/// thread, never from the media clock.
/// </summary>
public sealed class WavFileSink : IDisposable
{
    private readonly Stream _file;
    private readonly byte[] _size = new byte[4];
    private int _dataBytes;
    private bool _disposed;

    /// <summary>Creates (or truncates) <paramref name="path"/> for mono 16-bit PCM at <paramref name="sampleRate"/>.</summary>
    /// <exception cref="AudioDeviceException">The file cannot be created.</exception>
    public WavFileSink(string path, int sampleRate)
        : this(Create(path), sampleRate)
    {
    }

    /// <summary>Writes to a seekable <paramref name="file"/> (tests use a stream that fails on demand).</summary>
    internal WavFileSink(Stream file, int sampleRate)
    {
        _file = file;
        Span<byte> header = stackalloc byte[WavHeader.Length];
        WavHeader.Write(header, sampleRate, 0);
        _file.Write(header);
        _file.Flush();
    }

    /// <summary>Samples written so far.</summary>
    public long SamplesWritten => _dataBytes / 2;

    /// <summary>Appends <paramref name="frame"/> (any number of samples) and makes the header cover it.</summary>
    public void Write(ReadOnlySpan<short> frame)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (BitConverter.IsLittleEndian)
        {
            _file.Write(MemoryMarshal.AsBytes(frame));
        }
        else
        {
            Span<byte> sample = stackalloc byte[2];
            foreach (var s in frame)
            {
                BinaryPrimitives.WriteInt16LittleEndian(sample, s);
                _file.Write(sample);
            }
        }

        _dataBytes += frame.Length * 2;
        PatchSizes();
    }

    /// <summary>Patches the header a last time and closes the file.</summary>
    /// <exception cref="IOException">The last patch failed; the file is closed anyway.</exception>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            PatchSizes();
        }
        finally
        {
            // Closed even when the last patch fails (full disk): the handle must not outlive the sink.
            _file.Dispose();
        }
    }

    private static FileStream Create(string path)
    {
        try
        {
            // A bench sink such as logs/station-1-rx.wav lives in a folder a fresh clone does not have yet.
            if (Path.GetDirectoryName(Path.GetFullPath(path)) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 4096, FileOptions.None);
        }
        catch (IOException ex)
        {
            throw new AudioDeviceException($"cannot create WAV sink {path}: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new AudioDeviceException($"cannot create WAV sink {path}: {ex.Message}", ex);
        }
    }

    private void PatchSizes()
    {
        var end = _file.Position;
        BinaryPrimitives.WriteInt32LittleEndian(_size, 36 + _dataBytes);
        _file.Position = WavHeader.RiffSizeOffset;
        _file.Write(_size);
        BinaryPrimitives.WriteInt32LittleEndian(_size, _dataBytes);
        _file.Position = WavHeader.DataSizeOffset;
        _file.Write(_size);
        _file.Position = end;

        // Into the OS page cache, not to disk (FileStream.Flush() does not fsync): enough to survive the process
        // being killed.
        _file.Flush();
    }
}
