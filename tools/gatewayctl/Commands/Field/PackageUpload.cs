using System.Security.Cryptography;
using Renci.SshNet;

namespace Gateway.Ctl.Commands.Field;

/// <summary>
/// Uploads a package so that no half-written file is ever installed: to a temporary name, then a size and sha256
/// check on the device, then a rename. A leftover temporary file from an interrupted upload is simply overwritten.
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
            var report = new Progress<UploadFileProgressReport>(r => progress.Report((long)r.TotalBytesUploaded));
            try
            {
                await sftp.UploadFileAsync(file, partial, canOverride: true, report, cancellationToken);
            }
            catch (Exception e) when (e is Renci.SshNet.Common.SshException or IOException)
            {
                throw new FieldException($"{session.Target.Display}: upload to {partial} failed: {e.Message}",
                    "check free space and permissions of --remote-dir; nothing was installed, flash again", FieldExitCodes.Failed);
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
}
