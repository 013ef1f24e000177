namespace Gateway.Ctl.Commands.Field;

/// <summary>One device to reach over SSH.</summary>
/// <param name="Host">Address or name.</param>
/// <param name="Port">SSH port.</param>
/// <param name="User">SSH user.</param>
/// <param name="KeyFile">Private key file.</param>
/// <param name="HostKeyFingerprint">Expected SHA256 fingerprint, or null to check <paramref name="KnownHostsFile"/>.</param>
/// <param name="KnownHostsFile">The OpenSSH known_hosts file to check the host key against.</param>
/// <param name="AcceptNew">Trust a host the file does not know yet and record it there (never a changed key).</param>
public sealed record DeviceTarget(string Host, int Port, string User, string KeyFile, string? HostKeyFingerprint, string KnownHostsFile, bool AcceptNew)
{
    /// <summary>The host as printed: host, or host:port for a port other than 22.</summary>
    public string Display => Port == 22 ? Host : $"{Host}:{Port}";

    /// <summary>The prefix for commands that need root on the device.</summary>
    public string Privileged => User == "root" ? string.Empty : "sudo -n ";
}
