using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Gateway.NetworkServer.IntegrationTests.Sip;

/// <summary>
/// A real baresip 1.0 phone, headless, auto-answering, registered to the
/// network server with a follow-me number as its AOR (as a lobby phone does
/// when a card is inserted). Stopping it with SIGTERM unregisters, like a card
/// being pulled.
/// </summary>
public sealed class BaresipPhone : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private BaresipPhone(Process process, string folder, int port, int? controlPort)
    {
        _process = process;
        _folder = folder;
        Port = port;
        ControlPort = controlPort;
    }

    public int Port { get; }

    /// <summary>The ctrl_tcp port when started with <c>withControl</c>.</summary>
    public int? ControlPort { get; }

    private string LogPath => Path.Combine(_folder, "log");

    // autoAnswer false leaves incoming calls ringing (answermode=manual); withControl loads ctrl_tcp
    // (and menu, which owns the commands) so SendCommandAsync can dial and hang up.
    public static async Task<BaresipPhone> StartAsync(int serverPort, string aor, string authUser, string password,
        bool autoAnswer = true, bool withControl = false)
    {
        int? controlPort = withControl ? LoopbackPorts.GetFree() : null;
        var folder = Directory.CreateTempSubdirectory("baresip-").FullName;
        var port = LoopbackPorts.GetFree();
        var rtp = LoopbackPorts.GetFreeRtpPair();
        var tone = Path.Combine(folder, "tone.wav");
        await File.WriteAllBytesAsync(tone, ToneWav(seconds: 30));
        // ausine only runs at 48 kHz, so the source is a file; it must outlast the call.
        await File.WriteAllTextAsync(Path.Combine(folder, "config"), string.Join('\n',
            "poll_method epoll",
            $"sip_listen 127.0.0.1:{port}",
            "net_interface 127.0.0.1",
            "module_path /usr/lib/baresip/modules",
            "module g711.so",
            "module alsa.so",
            "module aufile.so",
            "module account.so",
            "module_app account.so",
            "audio_player alsa,null",
            "audio_alert alsa,null",
            $"audio_source aufile,{tone}",
            $"rtp_ports {rtp}-{rtp + 1}",
            "rtcp_mux no",
            // menu.so provides the dial/hangup/accept commands that ctrl_tcp forwards.
            controlPort is { } ctrl ? $"module menu.so\nmodule ctrl_tcp.so\nctrl_tcp_listen 127.0.0.1:{ctrl}" : string.Empty,
            string.Empty));
        await File.WriteAllTextAsync(Path.Combine(folder, "accounts"),
            $"<sip:{aor}@127.0.0.1:{serverPort};transport=udp>;auth_user={authUser};auth_pass={password};" +
            $"answermode={(autoAnswer ? "auto" : "manual")};regint=300;audio_codecs=PCMU\n");

        var phone = Launch(folder, port, controlPort);
        await phone.WaitForLogAsync("200 OK", TimeSpan.FromSeconds(10));
        return phone;
    }

    /// <summary>
    /// A phone that registers nowhere (media interop): it takes calls at sip:phone@127.0.0.1:<see cref="Port"/>,
    /// dials and sends digits through ctrl_tcp, plays a 440 Hz tone file, and (sndfile) dumps what it sends and
    /// what it decodes as WAV files in <see cref="Folder"/>.
    /// </summary>
    /// <param name="audioCodecs">The account's audio_codecs as baresip names them, e.g. "PCMU" or "G722/16000/1,PCMU".</param>
    /// <param name="toneRate">The tone file's rate: aufile wants the codec's (16000 for G.722, 48000 for Opus).</param>
    /// <param name="loopPlayoutToSource">
    /// Plays out through aubridge into its own source instead of ALSA's null PCM (which does not pace): a real-time
    /// paced player, whose output sndfile then dumps as the "enc" file, so what baresip played out can be judged.
    /// </param>
    public static async Task<BaresipPhone> StartDirectAsync(string audioCodecs = "PCMU", int toneRate = 8000, bool loopPlayoutToSource = false)
    {
        var controlPort = LoopbackPorts.GetFree();
        var folder = Directory.CreateTempSubdirectory("baresip-").FullName;
        var port = LoopbackPorts.GetFree();
        var rtp = LoopbackPorts.GetFreeRtpPair();
        var tone = Path.Combine(folder, "tone.wav");
        await File.WriteAllBytesAsync(tone, ToneWav(seconds: 30, toneRate));
        await File.WriteAllTextAsync(Path.Combine(folder, "config"), string.Join('\n',
            "poll_method epoll",
            $"sip_listen 127.0.0.1:{port}",
            "net_interface 127.0.0.1",
            "module_path /usr/lib/baresip/modules",
            "module g711.so",
            "module g722.so",
            "module opus.so",
            "module alsa.so",
            "module aufile.so",
            loopPlayoutToSource ? "module aubridge.so" : string.Empty,
            "module sndfile.so",
            "module account.so",
            "module menu.so",
            "module ctrl_tcp.so",
            $"ctrl_tcp_listen 127.0.0.1:{controlPort}",
            loopPlayoutToSource ? "audio_player aubridge,playout" : "audio_player alsa,null",
            "audio_alert alsa,null",
            loopPlayoutToSource ? "audio_source aubridge,playout" : $"audio_source aufile,{tone}",
            $"snd_path {folder}",
            "opus_stereo no",
            "opus_sprop_stereo no",
            $"rtp_ports {rtp}-{rtp + 1}",
            "rtcp_mux no",
            string.Empty));
        await File.WriteAllTextAsync(Path.Combine(folder, "accounts"),
            $"<sip:phone@127.0.0.1:{port}>;regint=0;answermode=auto;audio_codecs={audioCodecs}\n");
        var phone = Launch(folder, port, controlPort);
        await phone.WaitForLogAsync("baresip is ready", TimeSpan.FromSeconds(15));
        return phone;
    }

    /// <summary>The phone's config folder (also where sndfile writes its dumps).</summary>
    public string Folder => _folder;

    private static BaresipPhone Launch(string folder, int port, int? controlPort)
    {
        var info = new ProcessStartInfo("bash")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
        };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"exec baresip -f '{folder}' -v </dev/null >'{Path.Combine(folder, "log")}' 2>&1");
        var process = Process.Start(info) ?? throw new InvalidOperationException("baresip did not start");
        return new BaresipPhone(process, folder, port, controlPort);
    }

    public async Task WaitForLogAsync(string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!ReadLog().Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline || _process.HasExited)
            {
                throw new TimeoutException($"baresip never logged '{text}':\n{ReadLog()}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Sends one ctrl_tcp command (a netstring of JSON, e.g. "dial" with a URI, "hangup") and returns the first reply.</summary>
    public async Task<string> SendCommandAsync(string command, string parameters = "")
    {
        var port = ControlPort ?? throw new InvalidOperationException("started without ctrl_tcp");
        using var client = new System.Net.Sockets.TcpClient();
        await client.ConnectAsync(System.Net.IPAddress.Loopback, port);
        var stream = client.GetStream();
        var json = $"{{\"command\":\"{command}\",\"params\":\"{parameters}\",\"token\":\"t1\"}}";
        var frame = Encoding.UTF8.GetBytes($"{Encoding.UTF8.GetByteCount(json)}:{json},");
        await stream.WriteAsync(frame);
        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var text = new StringBuilder();
        while (!text.ToString().Contains("\"response\"", StringComparison.Ordinal))
        {
            var n = await stream.ReadAsync(buffer, timeout.Token);
            if (n == 0)
            {
                break;
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, n));
        }

        return text.ToString();
    }

    public string ReadLog()
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            return string.Empty;
        }
    }

    /// <summary>SIGTERM: baresip unregisters (Expires: 0) before it exits.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder does not fail a test.
        }
    }

    private static byte[] ToneWav(int seconds, int rate = 8000)
    {
        var samples = rate * seconds;
        using var stream = new MemoryStream();
        using var writer = new BinaryWriter(stream, Encoding.ASCII);
        writer.Write("RIFF"u8);
        writer.Write(36 + (samples * 2));
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(rate);
        writer.Write(rate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples * 2);
        for (var i = 0; i < samples; i++)
        {
            writer.Write((short)(8000 * Math.Sin(2 * Math.PI * 440 * i / rate)));
        }

        writer.Flush();
        return stream.ToArray();
    }
}
