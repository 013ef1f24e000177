namespace Gateway.Ctl.Commands.Field;

/// <summary>What the checks found on a device.</summary>
/// <param name="Architecture">dpkg's architecture.</param>
/// <param name="Os">PRETTY_NAME from /etc/os-release.</param>
/// <param name="FreeKiB">Free space in the package folder.</param>
/// <param name="InstalledVersion">The gateway version dpkg knows, if any.</param>
/// <param name="InstalledPackage">The file name of the package flash last installed successfully (kept for rollback), if any.</param>
/// <param name="PackageDir">The package folder: --remote-dir, or the default for the SSH user.</param>
public sealed record DeviceFacts(string Architecture, string Os, long FreeKiB, string? InstalledVersion, string? InstalledPackage, string PackageDir);
