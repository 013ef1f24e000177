using System.Diagnostics;
using Gateway.SmartCard.PcscLite;

namespace Gateway.SmartCard.IntegrationTests;

/// <summary>
/// A real pcscd with the vsmartcard vpcd reader. Reuses a running daemon (there can be only one per machine);
/// otherwise starts <c>pcscd -f -a -c DIR</c> with its own reader config and stops it by PID afterwards.
/// If neither works the tests fail with the reason.
/// </summary>
public sealed class PcscdFixture : IAsyncLifetime
{
    public const string Reader = "Virtual PCD 00 00";
    public const int VpcdPort = 35963;
    private const string ReaderConfig = """
        FRIENDLYNAME "Virtual PCD"
        DEVICENAME   /dev/null:0x8C7B
        LIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so
        CHANNELID    0x8C7B
        """;

    private string? _configDir;

    public Process? Daemon { get; private set; }

    public bool OwnsDaemon => Daemon is not null;

    public string? StartupFailure { get; private set; }

    public async Task InitializeAsync()
    {
        if (TryListReaders(out var readers))
        {
            StartupFailure = readers.Contains(Reader) ? null : $"A pcscd is already running but has no '{Reader}' reader (readers: {string.Join(", ", readers)}).";
            return;
        }

        _configDir = Directory.CreateTempSubdirectory("vpcd-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_configDir, "vpcd"), ReaderConfig);
        StartupFailure = await StartDaemonAsync();
    }

    public async Task<string?> StartDaemonAsync()
    {
        try
        {
            var info = new ProcessStartInfo("pcscd", ["-f", "-a", "-c", _configDir!])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            Daemon = Process.Start(info) ?? throw new InvalidOperationException("Process.Start returned null.");
            Daemon.OutputDataReceived += (_, _) => { };
            Daemon.ErrorDataReceived += (_, _) => { };
            Daemon.BeginOutputReadLine();
            Daemon.BeginErrorReadLine();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"pcscd could not be started: {ex.Message}. Install pcscd and vsmartcard-vpcd.";
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (Daemon.HasExited)
            {
                return $"pcscd exited at once with code {Daemon.ExitCode} (another pcscd holding /run/pcscd?).";
            }

            if (TryListReaders(out var readers) && readers.Contains(Reader))
            {
                return null;
            }

            await Task.Delay(50);
        }

        return $"pcscd started but '{Reader}' did not appear within 10 s.";
    }

    public async Task StopDaemonAsync()
    {
        if (Daemon is { } daemon)
        {
            if (!daemon.HasExited)
            {
                daemon.Kill();
                await daemon.WaitForExitAsync();
            }

            daemon.Dispose();
            Daemon = null;
        }
    }

    public async Task DisposeAsync()
    {
        await StopDaemonAsync();
        if (_configDir is not null)
        {
            Directory.Delete(_configDir, recursive: true);
        }
    }

    public void EnsureRunning() => Assert.True(StartupFailure is null, StartupFailure);

    private static bool TryListReaders(out IReadOnlyList<string> readers)
    {
        try
        {
            using var context = PcscContext.Establish();
            readers = context.ListReaders();
            return true;
        }
        catch (PcscException)
        {
            readers = [];
            return false;
        }
    }
}
