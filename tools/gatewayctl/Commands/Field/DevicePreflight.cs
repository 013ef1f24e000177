using System.Globalization;

namespace Gateway.Ctl.Commands.Field;

/// <summary>
/// The checks before anything on the device changes: architecture, OS, free space, pcscd, the installed version, and
/// for a user other than root that <c>sudo -n</c> may run dpkg and systemctl.
/// Remote commands, in two round trips: <c>dpkg --print-architecture</c>, <c>. /etc/os-release</c>, <c>command -v pcscd</c>,
/// <c>dpkg-query -W gateway</c>, <c>cat DIR/installed</c> (and <c>sudo -n -l dpkg</c>, <c>sudo -n -l systemctl</c>);
/// then <c>df -Pk DIR</c> (or its nearest existing parent).
/// </summary>
public static class DevicePreflight
{
    /// <summary>The package folder for root when --remote-dir is not given.</summary>
    public const string RootPackageDir = "/var/lib/gateway/packages";

    /// <summary>Runs the checks; throws a <see cref="FieldException"/> on the first that fails.</summary>
    /// <param name="session">The device.</param>
    /// <param name="package">The package to install.</param>
    /// <param name="board">The device's board.</param>
    /// <param name="remoteDir">The package folder on the device, or null for the user's default (root: /var/lib/gateway/packages, others: ~/gateway-packages).</param>
    /// <param name="cancellationToken">Cancels the checks.</param>
    /// <returns>What was found.</returns>
    public static async Task<DeviceFacts> CheckAsync(DeviceSession session, DebPackage package, string board, string? remoteDir, CancellationToken cancellationToken)
    {
        var host = session.Target.Display;
        if (!package.Boards.Contains(board))
        {
            throw new FieldException($"{host}: package {Path.GetFileName(package.Path)} carries boards [{string.Join(' ', package.Boards)}], not '{board}'",
                $"build one for this board: gatewayctl package --rid ... --board {board} (or check --board)");
        }

        // One round trip for the read-only facts: a slow link (or a slow login shell) pays per command.
        var (_, probe, _) = await session.RunAsync(
            "printf 'arch=%s\\n' \"$(dpkg --print-architecture 2>/dev/null)\"; "
            + "( . /etc/os-release && printf 'os=%s|%s|%s\\n' \"$ID\" \"${ID_LIKE:-}\" \"${PRETTY_NAME:-$ID}\" ) 2>/dev/null; "
            + "if command -v pcscd >/dev/null || test -x /usr/sbin/pcscd; then echo pcscd=yes; else echo pcscd=no; fi; "
            + "printf 'version=%s\\n' \"$(dpkg-query -W -f='${Version}' gateway 2>/dev/null)\"; "
            + (remoteDir is not null ? $"d='{remoteDir}'; " : session.Target.Privileged.Length == 0 ? $"d='{RootPackageDir}'; " : "d=\"$HOME/gateway-packages\"; ")
            + "printf 'dir=%s\\n' \"$d\"; printf 'installed=%s\\n' \"$(cat \"$d/installed\" 2>/dev/null)\"; "
            + (session.Target.Privileged.Length == 0 ? string.Empty
                : "if sudo -n -l dpkg >/dev/null 2>&1 && sudo -n -l systemctl >/dev/null 2>&1; then echo sudo=yes; else echo sudo=no; fi"),
            cancellationToken);
        var facts = probe.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.Ordinal);
        var architecture = facts.GetValueOrDefault("arch", string.Empty);
        if (architecture.Length == 0)
        {
            throw new FieldException($"{host}: dpkg --print-architecture gave nothing", "the device must run a Debian-family OS (Raspberry Pi OS, Debian, Ubuntu)");
        }

        if (package.Architecture != "all" && package.Architecture != architecture)
        {
            throw new FieldException($"{host}: device is {architecture}, package is {package.Architecture}",
                architecture == "armhf" ? "32-bit OS: build with --rid portable (needs the ASP.NET Core runtime on the device)" : $"build with --rid {(architecture == "arm64" ? "linux-arm64" : architecture == "amd64" ? "linux-x64" : "portable")}");
        }

        var os = facts.GetValueOrDefault("os", string.Empty).Split('|');
        if (os.Length < 3 || !(os[0] is "debian" or "raspbian" or "ubuntu" || os[1].Contains("debian", StringComparison.Ordinal)))
        {
            throw new FieldException($"{host}: unsupported OS '{string.Join(' ', os)}'", "flash needs a Debian-family OS with dpkg and systemd (and /etc/os-release)");
        }

        var dir = facts.GetValueOrDefault("dir", string.Empty);
        if (!dir.StartsWith('/') || dir.Contains('\'', StringComparison.Ordinal))
        {
            throw new FieldException($"{host}: unusable package folder '{dir}'", "give an absolute --remote-dir without quotes that the SSH user may write");
        }

        if (facts.GetValueOrDefault("sudo") == "no")
        {
            throw new FieldException($"{host}: user '{session.Target.User}' may not run dpkg and systemctl through 'sudo -n'",
                $"add a sudoers rule on the device (visudo -f /etc/sudoers.d/gateway): {session.Target.User} ALL=(root) NOPASSWD:SETENV: /usr/bin/dpkg, /usr/bin/systemctl");
        }

        // df on the folder, or on its nearest existing parent: checking must not create anything (--dry-run).
        var df = await session.RunCheckedAsync($"d='{dir}'; while [ ! -d \"$d\" ]; do d=\"$(dirname \"$d\")\"; done; df -Pk \"$d\"",
            "df must work on the device", cancellationToken);
        var freeKiB = ParseAvailableKiB(df);

        // The upload, the copy kept for rollback and the unpacked install each need about the package's size (xz packs ~3:1).
        var neededKiB = package.SizeBytes / 1024 * 5;
        if (freeKiB < neededKiB)
        {
            throw new FieldException($"{host}: only {freeKiB / 1024} MiB free in {dir}, need {neededKiB / 1024} MiB",
                "free space on the device (old logs in /var/log, apt-get clean) and flash again");
        }

        if (facts.GetValueOrDefault("pcscd") != "yes")
        {
            throw new FieldException($"{host}: pcscd is not installed", "install it on the device: apt-get install pcscd");
        }

        var installedVersion = facts.GetValueOrDefault("version", string.Empty);
        var installedFile = facts.GetValueOrDefault("installed", string.Empty);
        return new DeviceFacts(architecture, os[2], freeKiB,
            installedVersion.Length == 0 ? null : installedVersion,
            installedFile.Length == 0 ? null : installedFile, dir);
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
