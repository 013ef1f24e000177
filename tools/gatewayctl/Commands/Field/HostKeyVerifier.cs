using Renci.SshNet.Common;

namespace Gateway.Ctl.Commands.Field;

/// <summary>
/// Decides whether to trust the key a device presents, as <c>ssh</c> does: a <c>--host-key</c> pin if given, else the
/// known_hosts file. An unknown host is refused unless <c>--accept-new</c>, which records it; a changed key is refused
/// always. Every SSH connection of a session (the shell and the SFTP one) goes through the same verifier.
/// </summary>
/// <param name="target">The device.</param>
internal sealed class HostKeyVerifier(DeviceTarget target)
{
    private readonly Lock _gate = new();

    /// <summary>The presented key's fingerprint (<c>SHA256:...</c>), once seen.</summary>
    public string? Fingerprint { get; private set; }

    /// <summary>Why the key was refused, or null.</summary>
    public FieldException? Refusal { get; private set; }

    /// <summary>The known_hosts file the key was recorded in by <c>--accept-new</c>, or null.</summary>
    public string? RecordedIn { get; private set; }

    /// <summary>The <c>HostKeyReceived</c> handler.</summary>
    /// <param name="sender">The client.</param>
    /// <param name="e">The key.</param>
    public void Check(object? sender, HostKeyEventArgs e)
    {
        lock (_gate)
        {
            Fingerprint = "SHA256:" + e.FingerPrintSHA256;
            Refusal = Judge(e.HostKey);
            e.CanTrust = Refusal is null;
        }
    }

    private FieldException? Judge(byte[] key)
    {
        var host = target.Display;
        if (target.HostKeyFingerprint is { } pinned)
        {
            return string.Equals(pinned, Fingerprint, StringComparison.Ordinal) ? null : new FieldException(
                $"{host}: host key {Fingerprint} does not match --host-key {pinned}",
                "the device was reinstalled or this is not the device you meant; check with 'ssh-keygen -lf' on it", FieldExitCodes.Unreachable);
        }

        var file = target.KnownHostsFile;
        KnownHostMatch match;
        try
        {
            match = KnownHosts.Load(file).Find(target.Host, target.Port, key);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FieldException($"{host}: cannot read {file}: {e.Message}", "check --known-hosts", FieldExitCodes.Unreachable);
        }

        var type = KnownHosts.KeyType(key);
        switch (match.Verdict)
        {
            case KnownHostVerdict.Known:
                return null;
            case KnownHostVerdict.Revoked:
                return new FieldException($"{host}: host key {Fingerprint} is marked @revoked in {file} line {match.Line}",
                    "this key must not be trusted; find out why it was revoked before connecting", FieldExitCodes.Unreachable);
            case KnownHostVerdict.Mismatch:
                return new FieldException(
                    $"{host}: HOST KEY CHANGED: it presents {type} {Fingerprint}, but {file} line {match.Line} holds another {type} key for it",
                    $"someone may be intercepting the connection, or the device was reinstalled; if you are sure, remove the old key with 'ssh-keygen -R \"{KnownHosts.LookupName(target.Host, target.Port)}\" -f {file}'",
                    FieldExitCodes.Unreachable);
        }

        if (!target.AcceptNew)
        {
            var others = match.OtherKeyTypes.Count == 0 ? string.Empty : $" ({file} knows it only by {string.Join(", ", match.OtherKeyTypes)})";
            return new FieldException(
                $"{host}: host key {type} {Fingerprint} is not known{others}",
                $"compare it with 'ssh-keygen -lf /etc/ssh/ssh_host_{KeyFileKind(type)}_key.pub' on the device, then run again with --accept-new (records it in {file}) or --host-key {Fingerprint}",
                FieldExitCodes.Unreachable);
        }

        try
        {
            KnownHosts.Append(file, target.Host, target.Port, key);
            RecordedIn = file;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FieldException($"{host}: cannot record the host key in {file}: {e.Message}", "check --known-hosts and its folder's permissions", FieldExitCodes.Unreachable);
        }
    }

    private static string KeyFileKind(string type) => type switch
    {
        "ssh-ed25519" => "ed25519",
        "ssh-rsa" => "rsa",
        _ when type.StartsWith("ecdsa-", StringComparison.Ordinal) => "ecdsa",
        _ => "*",
    };
}
