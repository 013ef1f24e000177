namespace Gateway.Ctl.Commands.Field;

/// <summary>A package flavour: the .NET runtime identifier, the Debian architecture and how systemd starts it.</summary>
/// <param name="Rid">The gatewayctl name (linux-arm64, linux-x64, portable).</param>
/// <param name="DebianArchitecture">The control file's Architecture.</param>
/// <param name="SelfContained">Whether the .NET runtime is inside the package.</param>
public sealed record PackageTarget(string Rid, string DebianArchitecture, bool SelfContained)
{
    /// <summary>64-bit Raspberry Pi OS and other arm64 Debian.</summary>
    public static PackageTarget LinuxArm64 { get; } = new("linux-arm64", "arm64", true);

    /// <summary>amd64 Debian (bench PCs, VMs).</summary>
    public static PackageTarget LinuxX64 { get; } = new("linux-x64", "amd64", true);

    /// <summary>
    /// Framework-dependent IL: one package for armhf, arm64 and amd64 wherever the ASP.NET Core runtime is installed,
    /// hence Architecture all rather than armhf (the IL is the same everywhere; the runtime is the native part).
    /// </summary>
    public static PackageTarget Portable { get; } = new("portable", "all", false);

    /// <summary>The systemd ExecStart line.</summary>
    public string ExecStart => SelfContained
        ? "/usr/lib/gateway/gateway"
        : "dotnet /usr/lib/gateway/gateway.dll"; // systemd resolves 'dotnet' on its PATH: /usr/bin or /usr/local/bin.

    /// <summary>The Depends line.</summary>
    public string Depends => SelfContained
        ? "passwd, libc6 (>= 2.31), libgcc-s1, libstdc++6, zlib1g"
        : "passwd";

    /// <summary>
    /// The Recommends line. The runtime is only recommended for the portable package: on 32-bit Pis it usually comes
    /// from dotnet-install, not from a Debian package, and a hard dependency would refuse the install.
    /// </summary>
    public string Recommends => SelfContained ? "pcscd" : "pcscd, aspnetcore-runtime-10.0";

    /// <summary>Finds the target for a <c>--rid</c> value.</summary>
    /// <param name="rid">The value.</param>
    /// <returns>The target, or null for an unknown value.</returns>
    public static PackageTarget? Parse(string rid) => rid switch
    {
        "linux-arm64" => LinuxArm64,
        "linux-x64" => LinuxX64,
        "portable" => Portable,
        _ => null,
    };
}
