using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Ctl.Commands.Field;

/// <summary>Lays out the package tree (gateway, unit, board files, conffile, maintainer scripts) and runs dpkg-deb.</summary>
/// <param name="target">The flavour.</param>
/// <param name="publishDirectory">The 'dotnet publish' output of Gateway.Host.</param>
public sealed class DebPackageBuilder(PackageTarget target, string publishDirectory)
{
    /// <summary>Where the gateway lives on the device.</summary>
    public const string InstallDirectory = "usr/lib/gateway";

    /// <summary>Only this board's file; every board when null.</summary>
    public string? Board { get; init; }

    /// <summary>The default device configuration; the embedded one when null.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>The version; the gateway assembly's when null.</summary>
    public string? Version { get; init; }

    /// <summary>Builds the .deb into <paramref name="outputDirectory"/>.</summary>
    /// <param name="outputDirectory">The folder.</param>
    /// <param name="cancellationToken">Cancels dpkg-deb.</param>
    /// <returns>The package.</returns>
    public async Task<DebPackage> BuildAsync(string outputDirectory, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new FieldException("packages are built on Linux (dpkg-deb and Unix file modes)", "run 'gatewayctl package' on a Linux host or in WSL");
        }

        var stage = Directory.CreateTempSubdirectory("gateway-deb-").FullName;
        SetMode(stage, Executable); // the package root is '/': 0755, not the temp folder's 0700.
        try
        {
            var version = Version ?? ReadVersion();
            var boards = CopyGateway(Path.Combine(stage, InstallDirectory));
            WriteConfiguration(stage, boards);
            var control = Path.Combine(stage, "DEBIAN");
            Directory.CreateDirectory(control);
            WriteControl(stage, control, version, boards);
            foreach (var script in new[] { "postinst", "prerm", "postrm" })
            {
                var path = Path.Combine(control, script);
                await File.WriteAllTextAsync(path, Template(script), cancellationToken);
                SetMode(path, Executable);
            }

            await File.WriteAllTextAsync(Path.Combine(control, "conffiles"), "/etc/gateway/gateway.json\n", cancellationToken);
            await File.WriteAllTextAsync(Path.Combine(control, "md5sums"), Md5Sums(stage), cancellationToken);
            Directory.CreateDirectory(outputDirectory);
            var deb = Path.Combine(outputDirectory, $"gateway_{version}_{target.DebianArchitecture}.deb");
            var (exitCode, output) = await LocalProcess.RunAsync(
                "dpkg-deb", ["--root-owner-group", "-Zxz", "--build", stage, deb], cancellationToken);
            if (exitCode != 0)
            {
                throw new FieldException($"dpkg-deb failed: {DebPackage.FirstLine(output)}", "dpkg-deb comes with dpkg; run on a Debian-family Linux host");
            }

            return new DebPackage(Path.GetFullPath(deb), version, target.DebianArchitecture, boards, new FileInfo(deb).Length);
        }
        finally
        {
            Directory.Delete(stage, recursive: true);
        }
    }

    private const UnixFileMode Executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    private const UnixFileMode Regular = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    private static string Template(string name)
    {
        using var stream = typeof(DebPackageBuilder).Assembly.GetManifestResourceStream($"packaging/{name}")
            ?? throw new InvalidOperationException($"packaging/{name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private string ReadVersion()
    {
        var dll = Path.Combine(publishDirectory, "gateway.dll");
        var info = File.Exists(dll) ? FileVersionInfo.GetVersionInfo(dll).ProductVersion : null;
        if (string.IsNullOrEmpty(info))
        {
            // A NativeAOT publish has no gateway.dll: read the version from the single executable's build instead.
            info = typeof(DebPackageBuilder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        }

        return info.Split('+')[0];
    }

    private List<string> CopyGateway(string destination)
    {
        var executable = Path.Combine(publishDirectory, target.SelfContained ? "gateway" : "gateway.dll");
        if (!File.Exists(executable))
        {
            throw new FieldException($"{executable} is missing", $"--publish-dir must be a '{target.Rid}' publish of firmware/Gateway.Host");
        }

        foreach (var file in Directory.EnumerateFiles(publishDirectory, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(publishDirectory, file);

            // Debug symbols, the repo copy of the unit and the dev appsettings overrides do not belong on a device.
            // Native assets for other OSes (a portable publish carries android, osx, win...) are dead weight on Debian.
            if (relative.EndsWith(".pdb", StringComparison.Ordinal) || relative.EndsWith(".dbg", StringComparison.Ordinal) || relative.EndsWith(".xml", StringComparison.Ordinal)
                || (relative.StartsWith("runtimes/", StringComparison.Ordinal) && !relative.StartsWith("runtimes/linux", StringComparison.Ordinal) && !relative.StartsWith("runtimes/unix", StringComparison.Ordinal))
                || relative.StartsWith("runtimes/linux-musl", StringComparison.Ordinal) || relative.StartsWith("runtimes/linux-bionic", StringComparison.Ordinal)
                || (!target.SelfContained && relative == "gateway") // a build output's apphost: the portable unit runs 'dotnet gateway.dll'
                || relative.StartsWith("systemd/", StringComparison.Ordinal) || relative.StartsWith("appsettings.Development", StringComparison.Ordinal))
            {
                continue;
            }

            if (Board is not null && relative.StartsWith("board-config/", StringComparison.Ordinal)
                && relative.EndsWith(".json", StringComparison.Ordinal) && !relative.Contains("schema", StringComparison.Ordinal)
                && Path.GetFileNameWithoutExtension(relative) != Board)
            {
                continue;
            }

            var to = Path.Combine(destination, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
            // Only the apphost is a program; shared libraries and everything else are 0644 as lintian expects.
            SetMode(to, relative == "gateway" ? Executable : Regular);
        }

        var boards = Directory.Exists(Path.Combine(destination, "board-config"))
            ? Directory.EnumerateFiles(Path.Combine(destination, "board-config"), "*.json")
                .Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(b => !b.Contains("schema", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
            : [];
        if (boards.Count == 0 || (Board is not null && !boards.Contains(Board)))
        {
            throw new FieldException($"no board file for '{Board ?? "any board"}' in {publishDirectory}/board-config", "check --board against the files in board-config/");
        }

        return boards;
    }

    private void WriteConfiguration(string stage, List<string> boards)
    {
        var etc = Path.Combine(stage, "etc", "gateway");
        Directory.CreateDirectory(etc);
        File.WriteAllText(Path.Combine(etc, "gateway.json"), ConfigFile is null ? Template("gateway.json") : File.ReadAllText(ConfigFile));

        var unitDirectory = Path.Combine(stage, "lib", "systemd", "system");
        Directory.CreateDirectory(unitDirectory);
        File.WriteAllText(Path.Combine(unitDirectory, "gateway.service"), Template("gateway.service").Replace("@EXEC_START@", target.ExecStart, StringComparison.Ordinal));

        var share = Path.Combine(stage, "usr", "share", "gateway");
        Directory.CreateDirectory(share);
        var defaultBoard = Board ?? (boards.Contains("bench") ? "bench" : boards[0]);
        File.WriteAllText(Path.Combine(share, "package-info"), $"Gateway-Boards: {string.Join(' ', boards)}\nGateway-Default-Board: {defaultBoard}\nGateway-Rid: {target.Rid}\n");

        var doc = Path.Combine(stage, "usr", "share", "doc", "gateway");
        Directory.CreateDirectory(doc);
        File.WriteAllText(Path.Combine(doc, "copyright"),
            "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\nUpstream-Name: gateway\n\n"
            + "Files: *\nCopyright: 2026 Follow-me Gateway project\nLicense: proprietary\n Internal firmware; not for redistribution.\n");
        using var changelog = new GZipStream(File.Create(Path.Combine(doc, "changelog.gz")), CompressionLevel.SmallestSize);
        changelog.Write(Encoding.UTF8.GetBytes($"gateway ({ReadVersion()}) stable; urgency=medium\n\n  * Built by gatewayctl package.\n\n -- Follow-me Gateway <gateway@example.invalid>  Thu, 01 Jan 2026 00:00:00 +0000\n"));
    }

    private void WriteControl(string stage, string control, string version, List<string> boards)
    {
        var installedKiB = Directory.EnumerateFiles(stage, "*", SearchOption.AllDirectories).Sum(f => (new FileInfo(f).Length + 1023) / 1024);
        var text = $"""
            Package: gateway
            Version: {version}
            Architecture: {target.DebianArchitecture}
            Maintainer: Follow-me Gateway <gateway@example.invalid>
            Installed-Size: {installedKiB}
            Depends: {target.Depends}
            Recommends: {target.Recommends}
            Section: comm
            Priority: optional
            {DebPackage.BoardsField}: {string.Join(' ', boards)}
            Description: follow-me smart pay-phone gateway
             Connects pay-phone stations (hook, keypad, ringer, card reader) to a SIP
             network server. Runtime: {(target.SelfContained ? "self-contained " + target.Rid : "framework-dependent (ASP.NET Core 10)")}.

            """;
        File.WriteAllText(Path.Combine(control, "control"), text);
    }

    private static string Md5Sums(string stage)
    {
        var lines = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(stage, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(stage, file);
            if (relative.StartsWith("DEBIAN", StringComparison.Ordinal) || relative.StartsWith("etc/", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = File.OpenRead(file);
#pragma warning disable CA5351 // dpkg's md5sums format, an integrity list, not a security check.
            lines.Append(Convert.ToHexStringLower(MD5.HashData(stream))).Append("  ").Append(relative).Append('\n');
#pragma warning restore CA5351
        }

        return lines.ToString();
    }
}
