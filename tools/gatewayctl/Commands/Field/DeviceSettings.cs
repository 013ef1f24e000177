using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Field;

/// <summary>How to reach a device over SSH: options shared by <c>flash</c>, <c>status</c>, <c>logs</c> and <c>events</c>.</summary>
public class DeviceSettings : CommandSettings
{
    /// <summary>The device's address.</summary>
    [CommandOption("--host <HOST>")]
    [Description("The device's address or name.")]
    public string? Host { get; init; }

    /// <summary>The SSH port.</summary>
    [CommandOption("--port <PORT>")]
    [Description("SSH port (default: 22).")]
    public int Port { get; init; } = 22;

    /// <summary>The SSH user.</summary>
    [CommandOption("--user <USER>")]
    [Description("SSH user (default: root; other users run dpkg and systemctl through 'sudo -n').")]
    public string User { get; init; } = "root";

    /// <summary>The private key file.</summary>
    [CommandOption("--key <FILE>")]
    [Description("Private key file (OpenSSH format; default: ~/.ssh/id_ed25519).")]
    public string Key { get; init; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh", "id_ed25519");

    /// <summary>The expected host key fingerprint.</summary>
    [CommandOption("--host-key <SHA256>")]
    [Description("Expected host key fingerprint (SHA256:... as 'ssh-keygen -lf' prints it); given, it replaces the known_hosts check.")]
    public string? HostKey { get; init; }

    /// <summary>The known_hosts file.</summary>
    [CommandOption("--known-hosts <FILE>")]
    [Description("OpenSSH known_hosts file to check the device's host key against (default: ~/.ssh/known_hosts). An unknown host is refused with its fingerprint; a changed key always.")]
    public string KnownHosts { get; init; } = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".ssh", "known_hosts");

    /// <summary>Trust on first use.</summary>
    [CommandOption("--accept-new")]
    [Description("Trust a device the known_hosts file does not know yet and record its key there (like ssh -o StrictHostKeyChecking=accept-new); a changed key is still refused.")]
    public bool AcceptNew { get; init; }

    /// <summary>The gateway API port on the device's loopback.</summary>
    [CommandOption("--api-port <PORT>")]
    [Description("The gateway's API port on the device's loopback (default: 8080), reached through the SSH connection.")]
    public int ApiPort { get; init; } = 8080;

    /// <summary>Print JSON instead of text.</summary>
    [CommandOption("--json")]
    [Description("Print JSON instead of text.")]
    public bool Json { get; init; }

    /// <summary>The connection for <see cref="Host"/>.</summary>
    /// <param name="host">The host (from --host or a --hosts line).</param>
    /// <param name="port">The port.</param>
    /// <returns>The target.</returns>
    public DeviceTarget Target(string host, int port) => new(host, port, User, Key, HostKey, KnownHosts, AcceptNew);

    /// <summary>Checks the SSH options when <see cref="Host"/> is used.</summary>
    /// <param name="hostRequired">Whether --host must be given.</param>
    /// <returns>The result.</returns>
    protected ValidationResult ValidateDevice(bool hostRequired)
    {
        if (hostRequired && string.IsNullOrWhiteSpace(Host))
        {
            return ValidationResult.Error("--host is required\nhint: e.g. --host 192.168.1.50 --user pi --key ~/.ssh/id_ed25519");
        }

        if (Port is < 1 or > 65535 || ApiPort is < 1 or > 65535)
        {
            return ValidationResult.Error("--port and --api-port must be 1..65535\nhint: the defaults are 22 and 8080");
        }

        if (HostKey is not null && !(HostKey.StartsWith("SHA256:", StringComparison.Ordinal) && HostKey.Length == 50))
        {
            return ValidationResult.Error($"--host-key must be a SHA256 fingerprint, not '{HostKey}'\nhint: as 'ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub' prints it on the device, e.g. SHA256:ohD8VZEXGWo6Ez8GSEJQ9WpafgLFsOfLOtGGQCQo6Og");
        }

        return !string.IsNullOrWhiteSpace(Host) && !File.Exists(Key)
            ? ValidationResult.Error($"key file not found: {Key}\nhint: give the private key with --key, e.g. --key ~/.ssh/id_ed25519")
            : ValidationResult.Success();
    }
}
