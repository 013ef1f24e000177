using System.Security.Cryptography;
using Renci.SshNet;

namespace Gateway.Ctl.Commands.Field;

/// <summary>
/// Uploads a package so that no half-written file is ever installed: to a temporary name, then a size and sha256
/// check on the device, then a rename. A broken-off upload removes its temporary file if the connection still works;
/// otherwise the leftover is simply overwritten by the next upload.
/// </summary>
public static class PackageUpload
{
    /// <summary>Uploads <paramref name="package"/> to <paramref name="remoteDir"/>.</summary>
    /// <param name="session">The device.</param>
    /// <param name="package">The package.</param>
    /// <param name="remoteDir">The folder on the device.</param>
    /// <param name="progress">Receives the bytes sent so far.</param>
    /// <param name="cancellationToken">Cancels the upload (the temporary file stays and is overwritten next time).</param>
    /// <returns>The final path on the device.</returns>
    public static async Task<string> UploadAsync(DeviceSession session, DebPackage package, string remoteDir, IProgress<long> progress, CancellationToken cancellationToken)
    {
        var name = Path.GetFileName(package.Path);
        var final = $"{remoteDir}/{name}";
        var partial = $"{remoteDir}/.{name}.partial";
        string localHash;
        await using (var file = File.OpenRead(package.Path))
        {
            localHash = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
            file.Position = 0;
            var sftp = await session.SftpAsync(cancellationToken);
            long sent = 0;
            var report = new Progress<UploadFileProgressReport>(r =>
            {
                sent = (long)r.TotalBytesUploaded;
                progress.Report(sent);
            });
            try
            {
                await sftp.UploadFileAsync(file, partial, canOverride: true, report, cancellationToken);
            }
            catch (Exception e) when (e is Renci.SshNet.Common.SshException or IOException or System.Net.Sockets.SocketException or ObjectDisposedException
                || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                var cleaned = await TryRemoveAsync(session, partial, cancellationToken);
                throw new FieldException(
                    $"{session.Target.Display}: upload to {partial} broke off after {Interlocked.Read(ref sent)} of {package.SizeBytes} bytes: {e.Message}",
                    "nothing was installed and the running gateway is untouched" + (cleaned ? string.Empty : " (the temporary file stays until the next flash)")
                    + "; check the network, free space and permissions of --remote-dir, and flash again",
                    e is Renci.SshNet.Common.SshConnectionException or System.Net.Sockets.SocketException or ObjectDisposedException ? FieldExitCodes.Unreachable : FieldExitCodes.Failed);
            }
        }

        var check = await session.RunCheckedAsync($"stat -c %s '{partial}' && sha256sum '{partial}'", "stat and sha256sum (coreutils) must exist on the device", cancellationToken);
        var lines = check.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var size = lines.Length > 0 ? lines[0].Trim() : string.Empty;
        var remoteHash = lines.Length > 1 ? lines[1].Split(' ')[0] : string.Empty;
        if (size != package.SizeBytes.ToString(System.Globalization.CultureInfo.InvariantCulture) || remoteHash != localHash)
        {
            await session.RunAsync($"rm -f '{partial}'", cancellationToken);
            throw new FieldException($"{session.Target.Display}: uploaded file differs (size {size} vs {package.SizeBytes}, sha256 {remoteHash} vs {localHash})",
                "the transfer was corrupted or the disk is full; nothing was installed, flash again");
        }

        await session.RunCheckedAsync($"mv -f '{partial}' '{final}'", "check permissions of --remote-dir", cancellationToken);
        return final;
    }

    private static async Task<bool> TryRemoveAsync(DeviceSession session, string partial, CancellationToken cancellationToken)
    {
        try
        {
            var (status, _, _) = await session.RunAsync($"rm -f '{partial}'", cancellationToken);
            return status == 0;
        }
        catch (FieldException)
        {
            // The connection itself is gone: the next flash overwrites the temporary file.
            return false;
        }
    }
}
