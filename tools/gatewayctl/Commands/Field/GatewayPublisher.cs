namespace Gateway.Ctl.Commands.Field;

/// <summary>Runs <c>dotnet publish</c> of firmware/Gateway.Host for a package target.</summary>
public static class GatewayPublisher
{
    /// <summary>The Host project below the repository root.</summary>
    public const string HostProject = "firmware/Gateway.Host/Gateway.Host.csproj";

    /// <summary>Finds the repository root (the folder with Gateway.sln) at or above <paramref name="start"/>.</summary>
    /// <param name="start">Where to start.</param>
    /// <returns>The root.</returns>
    public static string FindRoot(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")) && File.Exists(Path.Combine(dir.FullName, HostProject)))
            {
                return dir.FullName;
            }
        }

        throw new FieldException($"no Gateway.sln at or above {start}", "run in the repository, or give --source DIR or --publish-dir DIR");
    }

    /// <summary>The NativeAOT publish profile of Gateway.Host (also used by build.ps1 publish-aot).</summary>
    public const string AotProfile = "NativeAot";

    /// <summary>The Debian packages a linux-arm64 NativeAOT publish needs on an x64 host (clang links, the cross binutils strip).</summary>
    public const string CrossArm64Packages = "clang binutils-aarch64-linux-gnu gcc-aarch64-linux-gnu libc6-dev-arm64-cross";

    /// <summary>Whether publishing <paramref name="target"/> with NativeAOT here is a cross-compile (arm64 code from an x64 host).</summary>
    /// <param name="target">The flavour.</param>
    /// <param name="host">The architecture of this machine.</param>
    /// <returns>True for linux-arm64 on a non-arm64 host.</returns>
    public static bool IsCrossCompile(PackageTarget target, System.Runtime.InteropServices.Architecture host) =>
        target == PackageTarget.LinuxArm64 && host != System.Runtime.InteropServices.Architecture.Arm64;

    /// <summary>The <c>dotnet publish</c> arguments for a flavour.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="target">The flavour.</param>
    /// <param name="aot">NativeAOT.</param>
    /// <param name="output">The publish folder.</param>
    /// <returns>The arguments after <c>dotnet</c>.</returns>
    public static IReadOnlyList<string> PublishArguments(string root, PackageTarget target, bool aot, string output)
    {
        ArgumentNullException.ThrowIfNull(target);
        List<string> arguments = ["publish", Path.Combine(root, HostProject), "-c", "Release", "-o", output, "-p:DebugType=none"];
        if (target.SelfContained)
        {
            arguments.AddRange(["-r", target.Rid, "--self-contained", "true"]);
        }
        else
        {
            arguments.AddRange(["--self-contained", "false", "-p:UseAppHost=false"]);
        }

        if (aot)
        {
            // The same profile as build.ps1 publish-aot, so both make the same binary (stripping, and for linux-arm64
            // on x64 the cross objcopy); -o overrides the profile's artifacts/publish-aot folder.
            arguments.Add($"-p:PublishProfile={AotProfile}");
        }

        return arguments;
    }

    /// <summary>Publishes the gateway into a new temporary folder.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="target">The flavour.</param>
    /// <param name="aot">NativeAOT.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The publish folder (the caller deletes it).</returns>
    public static async Task<string> PublishAsync(string root, PackageTarget target, bool aot, CancellationToken cancellationToken)
    {
        var cross = aot && IsCrossCompile(target, System.Runtime.InteropServices.RuntimeInformation.OSArchitecture);
        if (cross && !OnPath("aarch64-linux-gnu-ld.bfd"))
        {
            // Fail before a publish of several minutes that would only stop at the link step.
            throw new FieldException(
                "NativeAOT for linux-arm64 on this host needs the Debian arm64 cross toolchain (aarch64-linux-gnu-ld.bfd is not on PATH)",
                $"apt-get install {CrossArm64Packages}; or package without --aot");
        }

        var output = Directory.CreateTempSubdirectory("gateway-publish-").FullName;
        var arguments = PublishArguments(root, target, aot, output);
        var (exitCode, log) = await LocalProcess.RunAsync("dotnet", arguments, cancellationToken, root);
        if (exitCode == 0)
        {
            return output;
        }

        Directory.Delete(output, recursive: true);
        var firstError = log.Split('\n').FirstOrDefault(l => l.Contains(": error ", StringComparison.Ordinal))?.Trim() ?? DebPackage.FirstLine(log);
        if (aot)
        {
            // Trim/AOT analysis fails before any native toolchain is needed; say which of the two stopped the build.
            var notAotClean = firstError.Contains("error IL2", StringComparison.Ordinal) || firstError.Contains("error IL3", StringComparison.Ordinal);
            throw new FieldException(
                $"NativeAOT publish for {target.Rid} failed: {firstError}",
                notAotClean
                    ? "a trim/AOT analysis warning (IL2xxx/IL3xxx) stopped the publish: new code uses reflection the NativeAOT build cannot keep; fix it (see the comment in firmware/Gateway.Host/Gateway.Host.csproj), or package without --aot"
                    : cross
                        ? $"cross NativeAOT needs clang and the Debian arm64 cross toolchain (apt-get install {CrossArm64Packages}); or package without --aot"
                        : "NativeAOT needs clang (apt-get install clang); or package without --aot");
        }

        throw new FieldException($"dotnet publish failed: {firstError}", "run the same 'dotnet publish' by hand to see the whole log");
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, program)));
}
