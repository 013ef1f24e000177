using System.Diagnostics;
using Gateway.SmartCard.PcscLite;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// A real pcscd with the vsmartcard vpcd readers (adapted from the smart-card integration tests). Reuses a running
/// daemon, since only one can run per machine; otherwise starts <c>pcscd -f -a -c DIR</c> with its own reader
/// config and stops it by PID afterwards. If neither works the tests fail with the reason.
/// </summary>
public sealed class PcscdFixture : IAsyncLifetime
{
    public const string Reader0 = "Virtual PCD 00 00";
    public const string Reader1 = "Virtual PCD 00 01";
    private const string ReaderConfig = """
        FRIENDLYNAME "Virtual PCD"
        DEVICENAME   /dev/null:0x8C7B
        LIBPATH      /usr/lib/pcsc/drivers/serial/libifdvpcd.so
        CHANNELID    0x8C7B
        """;

    private string? _configDir;
    private Process? _daemon;

    public string? StartupFailure { get; private set; }

    /// <summary>Gets a value indicating whether this fixture started pcscd (and so may stop and restart it).</summary>
    public bool OwnsDaemon => _configDir is not null;

    /// <summary>Gets a value indicating whether the fixture's own pcscd is running now.</summary>
    public bool IsDaemonRunning => _daemon is { HasExited: false };

    public async Task InitializeAsync()
    {
        if (TryListReaders(out var readers))
        {
            StartupFailure = readers.Contains(Reader0) && readers.Contains(Reader1)
                ? null
                : $"A pcscd is already running but lacks the vpcd readers (readers: {string.Join(", ", readers)}).";
            return;
        }

        _configDir = Directory.CreateTempSubdirectory("vpcd-").FullName;
        await File.WriteAllTextAsync(Path.Combine(_configDir, "vpcd"), ReaderConfig);
        StartupFailure = await StartDaemonAsync(_configDir);
    }

    /// <summary>Stops the fixture's own pcscd (by its PID) and waits until clients get SCARD_E_NO_SERVICE.</summary>
    public async Task StopDaemonAsync()
    {
        if (_daemon is not { } daemon)
        {
            return;
        }

        if (!daemon.HasExited)
        {
            daemon.Kill();
            await daemon.WaitForExitAsync();
        }

        daemon.Dispose();
        _daemon = null;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (TryListReaders(out _))
        {
            Assert.True(DateTime.UtcNow < deadline, "pcscd still answers 10 s after it was killed");
            await Task.Delay(50);
        }
    }

    /// <summary>Starts the fixture's pcscd again after <see cref="StopDaemonAsync"/>; null once both readers are up.</summary>
    public Task<string?> RestartDaemonAsync() =>
        _configDir is null ? Task.FromResult<string?>("pcscd was started outside the tests") : StartDaemonAsync(_configDir);

    public async Task DisposeAsync()
    {
        await StopDaemonAsync();
        if (_configDir is not null)
        {
            Directory.Delete(_configDir, recursive: true);
        }
    }

    public void EnsureRunning() => Assert.True(StartupFailure is null, StartupFailure);

    private async Task<string?> StartDaemonAsync(string configDir)
    {
        try
        {
            var info = new ProcessStartInfo("pcscd", ["-f", "-a", "-c", configDir])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            _daemon = Process.Start(info) ?? throw new InvalidOperationException("Process.Start returned null.");
            _daemon.OutputDataReceived += (_, _) => { };
            _daemon.ErrorDataReceived += (_, _) => { };
            _daemon.BeginOutputReadLine();
            _daemon.BeginErrorReadLine();
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return $"pcscd could not be started: {ex.Message}. Install pcscd and vsmartcard-vpcd.";
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_daemon.HasExited)
            {
                return $"pcscd exited at once with code {_daemon.ExitCode} (another pcscd holding /run/pcscd?).";
            }

            if (TryListReaders(out var readers) && readers.Contains(Reader0) && readers.Contains(Reader1))
            {
                return null;
            }

            await Task.Delay(50);
        }

        return "pcscd started but the vpcd readers did not appear within 10 s.";
    }

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
