using System.Diagnostics;
using System.Globalization;
using System.Net;
using Gateway.Media;
using Gateway.Media.Devices.Null;
using Gateway.Media.Sessions;

namespace Gateway.Benchmarks;

/// <summary>
/// CPU per call: N calls on loopback, each between two stations (each station with its own media clock, as on the
/// board), with a 1 kHz tone captured so the encoders work. Process CPU seconds over the run, less an idle baseline of
/// the same stations without calls, per leg-minute (one leg = what one station spends on one call).
/// </summary>
internal static class CallCpuProbe
{
    public static async Task RunAsync(int calls, int seconds, string codec)
    {
        var rate = codec is "G722" or "opus" or "L16/16000" ? 16000 : 8000;
        var format = AudioFormat.ForFrameMs(rate, 20);
        var stations = new List<StationAudio>();
        for (var i = 0; i < calls * 2; i++)
        {
            stations.Add(new StationAudio(new StationAudioOptions { Device = new ToneDevice(format), LocalRtpAddress = IPAddress.Loopback }));
        }

        var idle = await MeasureAsync(seconds);
        var media = new List<ICallMedia>();
        for (var i = 0; i < calls; i++)
        {
            var a = (CallMediaSession)stations[2 * i].CreateCallMedia([codec]);
            var b = stations[(2 * i) + 1].CreateCallMedia([codec]);
            var answer = b.AnswerOffer(a.CreateOffer());
            if (!answer.Succeeded || !a.ApplyAnswer(answer.Sdp!).Succeeded)
            {
                throw new InvalidOperationException($"call {i} not negotiated: {answer.Error}");
            }

            b.Start();
            media.Add(a);
            media.Add(b);
        }

        await Task.Delay(1000); // JIT, jitter buffers filling
        var busy = await MeasureAsync(seconds);
        var received = media.Sum(m => m.GetStatus().PacketsReceived);
        var concealed = media.Sum(m => m.GetStatus().ConcealedSamples);
        var skipped = stations.Sum(s => s.Clock!.SkippedTicks);
        var legMinutes = calls * 2 * seconds / 60.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{codec}: {calls} calls ({calls * 2} legs, {calls * 2} clocks) for {seconds} s: CPU {busy.TotalSeconds:F2} s, idle stations {idle.TotalSeconds:F2} s, " +
            $"=> {(busy - idle).TotalSeconds / legMinutes:F3} CPU s per leg-minute ({(busy - idle).TotalMilliseconds / (calls * 2 * seconds * 50.0) * 1000:F0} µs per leg-frame); " +
            $"received {received} packets, concealed {concealed} samples, skipped ticks {skipped}, GC gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}"));
        foreach (var m in media)
        {
            await m.DisposeAsync();
        }

        foreach (var s in stations)
        {
            await s.DisposeAsync();
        }
    }

    private static async Task<TimeSpan> MeasureAsync(int seconds)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        process.Refresh();
        return process.TotalProcessorTime - before;
    }

    /// <summary>A device that captures a continuous 1 kHz tone and discards playout.</summary>
    private sealed class ToneDevice(AudioFormat format) : IAudioDevice
    {
        private readonly NullAudioDevice _null = new(format);
        private long _n;

        public AudioFormat Format => format;

        public bool Capture(Span<short> frame)
        {
            for (var i = 0; i < frame.Length; i++, _n++)
            {
                frame[i] = (short)(8000 * Math.Sin(2 * Math.PI * 1000 * _n / format.SampleRate));
            }

            return true;
        }

        public void Playout(ReadOnlySpan<short> frame) => _null.Playout(frame);

        public void Dispose() => _null.Dispose();
    }
}
