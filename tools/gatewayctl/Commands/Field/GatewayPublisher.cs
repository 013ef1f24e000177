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

    /// <summary>Publishes the gateway into a new temporary folder.</summary>
    /// <param name="root">The repository root.</param>
    /// <param name="target">The flavour.</param>
    /// <param name="aot">NativeAOT.</param>
    /// <param name="cancellationToken">Cancels the build.</param>
    /// <returns>The publish folder (the caller deletes it).</returns>
    public static async Task<string> PublishAsync(string root, PackageTarget target, bool aot, CancellationToken cancellationToken)
    {
        var output = Directory.CreateTempSubdirectory("gateway-publish-").FullName;
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
            arguments.Add("-p:PublishAot=true");
        }

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
            var cross = target.Rid == "linux-arm64" && System.Runtime.InteropServices.RuntimeInformation.OSArchitecture != System.Runtime.InteropServices.Architecture.Arm64;
            throw new FieldException(
                $"NativeAOT publish for {target.Rid} failed: {firstError}",
                notAotClean
                    ? "a trim/AOT analysis warning (IL2xxx/IL3xxx) stopped the publish: new code uses reflection the NativeAOT build cannot keep; fix it (see the comment in firmware/Gateway.Host/Gateway.Host.csproj), or package without --aot"
                    : cross
                        ? "cross NativeAOT needs clang, lld and the Debian arm64 cross sysroot (apt-get install clang lld gcc-aarch64-linux-gnu libc6-dev-arm64-cross); or package without --aot"
                        : "NativeAOT needs clang and zlib1g-dev (apt-get install clang zlib1g-dev); or package without --aot");
        }

        throw new FieldException($"dotnet publish failed: {firstError}", "run the same 'dotnet publish' by hand to see the whole log");
    }
}
