using System.Security.Cryptography;

namespace Gateway.Ctl.IntegrationTests;

/// <summary>
/// A throwaway non-root account on this machine for the loopback device (the tests run as root): created with
/// useradd, its home inside the device's temporary folder, deleted with userdel afterwards. Its sudoers rule is the
/// one the README asks for on a device, with the device's dpkg and systemctl shims in place of /usr/bin's.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed class ThrowawayUser : IAsyncDisposable
{
    private ThrowawayUser(string name, string home)
    {
        Name = name;
        HomeDirectory = home;
    }

    public string Name { get; }

    public string HomeDirectory { get; }

    private string SudoersFile => $"/etc/sudoers.d/gatewayctl-test-{Name}";

    public static async Task<ThrowawayUser> CreateAsync(LoopbackDevice device)
    {
        if (Environment.UserName != "root" || !File.Exists("/usr/sbin/useradd") || !File.Exists("/usr/bin/sudo"))
        {
            throw new InvalidOperationException("the non-root flash test needs root, useradd and sudo (build.ps1 deps installs sudo)");
        }

        var name = "gwctl" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var home = Path.Combine(device.Home, "home-" + name);
        await MustAsync("useradd", "--no-create-home", "--home-dir", home, "--shell", "/bin/sh", "--comment", "gatewayctl test, deleted after the test", name);

        // useradd leaves the password '!' (locked), and sshd without PAM refuses even key logins to a locked account.
        await MustAsync("usermod", "--password", "*", name);
        Directory.CreateDirectory(home);
        await MustAsync("chown", $"{name}:{name}", home);
        return new ThrowawayUser(name, home);
    }

    /// <summary>Installs the sudoers rule (checked with visudo first, so a mistake cannot break sudo on this machine).</summary>
    public async Task AllowDpkgAndSystemctlAsync(string shims)
    {
        var draft = Path.Combine(HomeDirectory, "..", $"sudoers-{Name}");
        await File.WriteAllTextAsync(draft, $"""
            Defaults:{Name} secure_path="{shims}:/usr/sbin:/usr/bin:/sbin:/bin"
            Defaults:{Name} env_keep += "DEVICE_ROOT"
            {Name} ALL=(root) NOPASSWD:SETENV: {shims}/dpkg, {shims}/systemctl

            """);
        await MustAsync("visudo", "-c", "-q", "-f", draft);
        File.SetUnixFileMode(draft, UnixFileMode.UserRead | UnixFileMode.GroupRead);
        File.Move(draft, SudoersFile);
    }

    public async ValueTask DisposeAsync()
    {
        File.Delete(SudoersFile);
        await Ctl.ToolAsync("userdel", Name);
    }

    private static async Task MustAsync(string file, params string[] args)
    {
        var (exitCode, output) = await Ctl.ToolAsync(file, args);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({exitCode}): {output}");
        }
    }
}
