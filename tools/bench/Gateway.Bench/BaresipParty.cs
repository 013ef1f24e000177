using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using Gateway.NetworkServer;

namespace Gateway.Bench;

/// <summary>
/// A real baresip as the far end: the demo's caller (registered to Kamailio) or A's voicemail (unregistered,
/// auto-answering on a fixed port). It sends a 1 kHz tone and records what it hears (sndfile), and is driven
/// through ctrl_tcp, whose events (CALL_RINGING, CALL_ESTABLISHED, CALL_CLOSED, ...) arrive on one connection.
/// </summary>
internal sealed class BaresipParty : IAsyncDisposable
{
    public const double ToneHz = 1000;

    private readonly Process _process;
    private readonly TcpClient _control;
    private readonly Channel<JsonElement> _events = Channel.CreateUnbounded<JsonElement>();
    private readonly Channel<JsonElement> _responses = Channel.CreateUnbounded<JsonElement>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reader;

    private BaresipParty(Process process, string folder, TcpClient control, int rtpPort)
    {
        _process = process;
        Folder = folder;
        RtpPort = rtpPort;
        _control = control;
        _reader = ReadEventsAsync(_stop.Token);
    }

    public string Folder { get; }

    /// <summary>Gets the UDP port baresip receives RTP on (RTCP is on the next one).</summary>
    public int RtpPort { get; }

    /// <summary>Gets baresip's process id (it is exec'd by the shell that redirects its log).</summary>
    public int ProcessId => _process.Id;

    /// <summary>Starts baresip. With <paramref name="serverPort"/> it registers <paramref name="user"/>; without, it only listens.</summary>
    /// <param name="user">SIP user (and display name).</param>
    /// <param name="password">Its password, or null when it does not register.</param>
    /// <param name="serverPort">Kamailio's port to register at; null to only listen.</param>
    /// <param name="sipPort">baresip's own SIP port.</param>
    /// <param name="autoAnswer">Answer incoming calls at once.</param>
    /// <param name="ct">Cancels the start.</param>
    /// <param name="toneSeconds">
    /// Length of the tone baresip sends. Its aufile source ends the call at the end of the file ("end of file"), so a
    /// call meant to last longer needs a longer tone.
    /// </param>
    public static async Task<BaresipParty> StartAsync(string user, string? password, int? serverPort, int sipPort, bool autoAnswer, CancellationToken ct, int toneSeconds = 60)
    {
        var folder = Directory.CreateTempSubdirectory("bench-baresip-").FullName;
        var controlPort = LoopbackPorts.GetFree();
        var rtp = LoopbackPorts.GetFreeRtpPair();
        var tone = Path.Combine(folder, "tone.wav");
        await File.WriteAllBytesAsync(tone, Wav.Tone(ToneHz, seconds: toneSeconds), ct);
        var records = Path.Combine(folder, "records");
        Directory.CreateDirectory(records);
        await File.WriteAllTextAsync(Path.Combine(folder, "config"), string.Join('\n',
            "poll_method epoll",
            $"sip_listen 127.0.0.1:{sipPort}",
            "net_interface 127.0.0.1",
            "module_path /usr/lib/baresip/modules",
            "module g711.so",
            "module alsa.so",
            "module aubridge.so",
            "module aufile.so",
            "module sndfile.so",
            "module account.so",
            "module_app account.so",
            "module menu.so",
            "module ctrl_tcp.so",
            $"ctrl_tcp_listen 127.0.0.1:{controlPort}",
            // ALSA's null device accepts every write at once, so its play thread spun at ~98 % of a core for a whole
            // call (perf case b, 10-minute window). aubridge's device is paced by ptime; with nothing reading this
            // device's other side it is a paced sink, and sndfile still records what was received.
            $"audio_player aubridge,sink-{controlPort}",
            "audio_alert alsa,null",
            $"audio_source aufile,{tone}",
            $"snd_path {records}",
            $"rtp_ports {rtp}-{rtp + 1}",
            "rtcp_mux no",
            string.Empty), ct);
        var account = serverPort is { } port
            ? $"<sip:{user}@127.0.0.1:{port};transport=udp>;auth_user={user};auth_pass={password};regint=300"
            : $"<sip:{user}@127.0.0.1:{sipPort};transport=udp>;regint=0";
        await File.WriteAllTextAsync(Path.Combine(folder, "accounts"),
            $"{account};answermode={(autoAnswer ? "auto" : "manual")};audio_codecs=PCMU\n", ct);
        var info = new ProcessStartInfo("bash") { UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"exec baresip -f '{folder}' -v </dev/null >'{Path.Combine(folder, "log")}' 2>&1");
        var process = Process.Start(info) ?? throw new InvalidOperationException("baresip did not start");
        var control = await ConnectAsync(controlPort, process, ct);
        var party = new BaresipParty(process, folder, control, rtp);
        if (serverPort is not null)
        {
            await party.WaitForRegisteredAsync(TimeSpan.FromSeconds(15), ct);
        }

        return party;
    }

    public Task DialAsync(string uri) => SendAsync("dial", uri);

    public Task HangUpAsync() => SendAsync("hangup", string.Empty);


    /// <summary>Waits for a ctrl_tcp event of one type (e.g. CALL_ESTABLISHED); earlier events are dropped.</summary>
    public async Task<JsonElement> WaitForEventAsync(string type, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var message = await _events.Reader.ReadAsync(deadline.Token);
                if (message.TryGetProperty("type", out var t) && t.GetString() == type)
                {
                    return message;
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException($"baresip never reported {type} within {timeout.TotalSeconds:F0} s (log: {Path.Combine(Folder, "log")})");
        }
    }

    /// <summary>
    /// Waits until the account is registered. The first REGISTER often completes before ctrl_tcp accepts our
    /// connection, so its REGISTER_OK event is never seen; <c>reginfo</c> is polled beside the event instead.
    /// </summary>
    public async Task WaitForRegisteredAsync(TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            while (_events.Reader.TryRead(out var message))
            {
                if (message.TryGetProperty("type", out var t) && t.GetString() == "REGISTER_OK")
                {
                    return;
                }
            }

            await SendAsync("reginfo", string.Empty);
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
            wait.CancelAfter(TimeSpan.FromSeconds(2));
            var response = await _responses.Reader.ReadAsync(wait.Token);
            while (!response.TryGetProperty("token", out var token) || token.GetString() != "reginfo")
            {
                // Answers to earlier commands (dial, uareg) are not what this waits for.
                response = await _responses.Reader.ReadAsync(wait.Token);
            }

            if (response.TryGetProperty("data", out var data) && data.GetString() is { } text && text.Contains("OK", StringComparison.Ordinal))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"baresip did not register within {timeout.TotalSeconds:F0} s (reginfo: {data}; log: {Path.Combine(Folder, "log")})");
            }

            await Task.Delay(10, ct);
        }
    }

    /// <summary>The newest recording of received audio (sndfile's "-dec" dump), or null.</summary>
    public string? LatestReceivedRecording() =>
        Directory.EnumerateFiles(Path.Combine(Folder, "records"), "*dec*.wav")
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _control.Dispose();
        try
        {
            await _reader;
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException or SocketException)
        {
            // The connection goes with the process.
        }

        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }

        _process.Dispose();
        _stop.Dispose();
    }

    private static async Task<TcpClient> ConnectAsync(int port, Process process, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, ct);
                return client;
            }
            catch (SocketException) when (attempt < 100 && !process.HasExited)
            {
                client.Dispose();
                await Task.Delay(50, ct);
            }
        }
    }

    private async Task SendAsync(string command, string parameters)
    {
        var json = JsonSerializer.Serialize(new Dictionary<string, string> { ["command"] = command, ["params"] = parameters, ["token"] = command });
        var frame = Encoding.UTF8.GetBytes($"{Encoding.UTF8.GetByteCount(json)}:{json},");
        await _control.GetStream().WriteAsync(frame);
    }

    // ctrl_tcp frames every message as a netstring "LEN:JSON,"; events carry "event":true.
    private async Task ReadEventsAsync(CancellationToken ct)
    {
        var stream = _control.GetStream();
        var pending = new List<byte>();
        var buffer = new byte[4096];
        while (!ct.IsCancellationRequested)
        {
            var n = await stream.ReadAsync(buffer, ct);
            if (n == 0)
            {
                return;
            }

            pending.AddRange(buffer.AsSpan(0, n));
            while (TryTakeNetstring(pending, out var payload))
            {
                using var document = JsonDocument.Parse(payload);
                if (document.RootElement.TryGetProperty("event", out var isEvent) && isEvent.ValueKind == JsonValueKind.True)
                {
                    await _events.Writer.WriteAsync(document.RootElement.Clone(), ct);
                }
                else if (document.RootElement.TryGetProperty("response", out var isResponse) && isResponse.ValueKind == JsonValueKind.True)
                {
                    await _responses.Writer.WriteAsync(document.RootElement.Clone(), ct);
                }
            }
        }
    }

    private static bool TryTakeNetstring(List<byte> pending, out byte[] payload)
    {
        payload = [];
        var colon = pending.IndexOf((byte)':');
        if (colon <= 0 || !int.TryParse(Encoding.ASCII.GetString([.. pending.GetRange(0, colon)]), NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            return false;
        }

        if (pending.Count < colon + 1 + length + 1)
        {
            return false;
        }

        payload = [.. pending.GetRange(colon + 1, length)];
        pending.RemoveRange(0, colon + 1 + length + 1);
        return true;
    }
}
