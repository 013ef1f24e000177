using System.Globalization;
using System.Net;
using Gateway.Media;
using Gateway.Media.Diagnostics;
using Gateway.Media.Devices.Wav;
using Gateway.Media.Sessions;

namespace Gateway.Bench.Perf;

/// <summary>
/// The child process of case e: N simulated stations as on a bay board (each its own <see cref="StationAudio"/> with
/// its own media clock and a WAV source), each in a PCMU call whose far end is the suite's UDP sink. It prints
/// "ready" once every call is sending and runs until its standard input closes; then it prints one
/// <see cref="RuntimeLine"/> (GC pauses since "ready", the media clock's scheduling) and its GC counts (<see cref="GcCounts"/>, for perf case h) before stopping the calls.
/// </summary>
internal static class StationsWorker
{
    public const string Flag = "--perf-stations";

    /// <summary>The start of the last line: <c>runtime scheduling=fifo:15 gcCount=… gcPauseTotalMs=… gcPauseMaxMs=…</c>.</summary>
    public const string RuntimeLine = "runtime ";

    /// <summary>Runs <c>--perf-stations N SINK_PORT WAV</c>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 4
            || !int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 256
            || !int.TryParse(args[2], NumberStyles.None, CultureInfo.InvariantCulture, out var sinkPort) || sinkPort is < 1 or > 65535
            || !File.Exists(args[3]))
        {
            await Console.Error.WriteLineAsync($"usage: gateway-bench {Flag} N(1-256) SINK_PORT WAV");
            return 2;
        }

        var format = AudioFormat.ForFrameMs(8000, 20);
        var stations = new List<StationAudio>();
        var calls = new List<ICallMedia>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var station = new StationAudio(new StationAudioOptions { Device = new WavAudioDevice(format, args[3], null), LocalRtpAddress = IPAddress.Loopback });
                stations.Add(station);
                var media = station.CreateCallMedia(["PCMU"]);
                calls.Add(media);
                media.CreateOffer();
                var answer = media.ApplyAnswer(SinkAnswer(sinkPort, i));
                if (!answer.Succeeded)
                {
                    await Console.Error.WriteLineAsync($"station {i}: the sink's answer was refused: {answer.Error}");
                    return 1;
                }

                media.Start();
            }

            using var gcPauses = new GcPauseMonitor();
            Console.WriteLine("ready");
            await Console.In.ReadToEndAsync();

            // The runtime's GC events reach the monitor about a second after the GC: let the window's last ones in.
            await Task.Delay(TimeSpan.FromSeconds(1.5));
            Console.WriteLine($"{RuntimeLine}scheduling={stations[0].Clock?.Scheduling ?? "none"} {gcPauses}");
            // Perf case h compares GC settings by these counts (the stop that follows allocates little).
            Console.WriteLine(GcCounts.Current().ToLine());
            return 0;
        }
        finally
        {
            foreach (var media in calls)
            {
                await media.DisposeAsync();
            }

            foreach (var station in stations)
            {
                await station.DisposeAsync();
            }
        }
    }

    // The far end of every call is one UDP port in the parent, so each station's source port tells its stream apart.
    private static string SinkAnswer(int port, int session) => string.Join("\r\n",
        "v=0",
        $"o=sink {session + 1} 1 IN IP4 127.0.0.1",
        "s=-",
        "c=IN IP4 127.0.0.1",
        "t=0 0",
        $"m=audio {port} RTP/AVP 0",
        "a=rtpmap:0 PCMU/8000",
        "a=ptime:20",
        "a=sendrecv",
        string.Empty);
}
