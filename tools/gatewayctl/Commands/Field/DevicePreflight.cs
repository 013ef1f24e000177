using System.Globalization;

namespace Gateway.Ctl.Commands.Field;

/// <summary>
/// The checks before anything on the device changes: architecture, OS, free space, pcscd, the installed version.
/// Remote commands: <c>dpkg --print-architecture</c>, <c>. /etc/os-release</c>, <c>mkdir -p DIR</c>, <c>df -Pk DIR</c>,
/// <c>command -v pcscd</c>, <c>dpkg-query -W gateway</c>, <c>cat DIR/installed</c>.
/// </summary>
public static class DevicePreflight
{
    /// <summary>Runs the checks; throws a <see cref="FieldException"/> on the first that fails.</summary>
    /// <param name="session">The device.</param>
    /// <param name="package">The package to install.</param>
    /// <param name="board">The device's board.</param>
    /// <param name="remoteDir">The package folder on the device.</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    /// <returns>What was found.</returns>
    public static async Task<DeviceFacts> CheckAsync(DeviceSession session, DebPackage package, string board, string remoteDir, CancellationToken cancellationToken)
    {
        var host = session.Target.Display;
        if (!package.Boards.Contains(board))
        {
            throw new FieldException($"{host}: package {Path.GetFileName(package.Path)} carries boards [{string.Join(' ', package.Boards)}], not '{board}'",
                $"build one for this board: gatewayctl package --rid ... --board {board} (or check --board)");
        }

        var architecture = (await session.RunCheckedAsync("dpkg --print-architecture", "the device must run a Debian-family OS (Raspberry Pi OS, Debian, Ubuntu)", cancellationToken)).Trim();
        if (package.Architecture != "all" && package.Architecture != architecture)
        {
            throw new FieldException($"{host}: device is {architecture}, package is {package.Architecture}",
                architecture == "armhf" ? "32-bit OS: build with --rid portable (needs the ASP.NET Core runtime on the device)" : $"build with --rid {(architecture == "arm64" ? "linux-arm64" : architecture == "amd64" ? "linux-x64" : "portable")}");
        }

        var os = (await session.RunCheckedAsync(". /etc/os-release && echo \"$ID|${ID_LIKE:-}|${PRETTY_NAME:-$ID}\"", "the device has no /etc/os-release", cancellationToken)).Trim().Split('|');
        if (os.Length < 3 || !(os[0] is "debian" or "raspbian" or "ubuntu" || os[1].Contains("debian", StringComparison.Ordinal)))
        {
            throw new FieldException($"{host}: unsupported OS '{string.Join(' ', os)}'", "flash needs a Debian-family OS with dpkg and systemd");
        }

        await session.RunCheckedAsync($"{session.Target.Privileged}mkdir -p '{remoteDir}'", "check that the user may write the package folder (root, or sudo without password)", cancellationToken);
        var df = await session.RunCheckedAsync($"df -Pk '{remoteDir}'", "df must work on the device", cancellationToken);
        var freeKiB = ParseAvailableKiB(df);

        // The upload, the copy kept for rollback and the unpacked install each need about the package's size (xz packs ~3:1).
        var neededKiB = package.SizeBytes / 1024 * 5;
        if (freeKiB < neededKiB)
        {
            throw new FieldException($"{host}: only {freeKiB / 1024} MiB free in {remoteDir}, need {neededKiB / 1024} MiB",
                "free space on the device (old logs in /var/log, apt-get clean) and flash again");
        }

        var (pcscd, _, _) = await session.RunAsync("command -v pcscd || test -x /usr/sbin/pcscd", cancellationToken);
        if (pcscd != 0)
        {
            throw new FieldException($"{host}: pcscd is not installed", "install it on the device: apt-get install pcscd");
        }

        var (_, installedVersion, _) = await session.RunAsync("dpkg-query -W -f='${Version}' gateway 2>/dev/null", cancellationToken);
        var (_, installedFile, _) = await session.RunAsync($"cat '{remoteDir}/installed' 2>/dev/null", cancellationToken);
        return new DeviceFacts(architecture, os[2], freeKiB,
            string.IsNullOrWhiteSpace(installedVersion) ? null : installedVersion.Trim(),
            string.IsNullOrWhiteSpace(installedFile) ? null : installedFile.Trim());
    }

    private static long ParseAvailableKiB(string df)
    {
        // POSIX df -P: a header line, then "filesystem 1024-blocks used available capacity mountpoint".
        var line = df.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).FirstOrDefault()?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return line is { Length: >= 4 } && long.TryParse(line[3], NumberStyles.None, CultureInfo.InvariantCulture, out var available)
            ? available
            : throw new FieldException($"cannot read free space from df: {df.Trim()}", "check 'df -Pk' on the device");
    }
}
