using System.Net.Sockets;
using Renci.SshNet;
using Renci.SshNet.Common;

namespace Gateway.Ctl.Commands.Field;

/// <summary>An SSH (and, for uploads, SFTP) connection to a device; every failure becomes a <see cref="FieldException"/>.</summary>
public sealed class DeviceSession : IDisposable
{
    private readonly SshClient _ssh;
    private readonly ConnectionInfo _connection;
    private readonly HostKeyVerifier _hostKeys;
    private SftpClient? _sftp;

    private DeviceSession(DeviceTarget target, SshClient ssh, ConnectionInfo connection)
    {
        Target = target;
        _ssh = ssh;
        _connection = connection;
        _hostKeys = new HostKeyVerifier(target);
        ssh.HostKeyReceived += _hostKeys.Check;
    }

    /// <summary>The device.</summary>
    public DeviceTarget Target { get; }

    /// <summary>The host key fingerprint the device presented.</summary>
    public string? HostKeyFingerprint => _hostKeys.Fingerprint;

    /// <summary>The known_hosts file this connection recorded the host key in (<c>--accept-new</c>), or null.</summary>
    public string? HostKeyRecordedIn => _hostKeys.RecordedIn;

    /// <summary>Connects and authenticates.</summary>
    /// <param name="target">The device.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    /// <returns>The session.</returns>
    public static async Task<DeviceSession> ConnectAsync(DeviceTarget target, CancellationToken cancellationToken)
    {
        PrivateKeyFile key;
        try
        {
            key = new PrivateKeyFile(target.KeyFile);
        }
        catch (Exception e) when (e is SshException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new FieldException($"cannot read key {target.KeyFile}: {e.Message}", "give an unencrypted OpenSSH private key with --key", GatewayCtlApp.UsageError);
        }

        var connection = new ConnectionInfo(target.Host, target.Port, target.User, new PrivateKeyAuthenticationMethod(target.User, key))
        {
            Timeout = TimeSpan.FromSeconds(10),
        };
        var ssh = new SshClient(connection) { KeepAliveInterval = TimeSpan.FromSeconds(15) };
        var session = new DeviceSession(target, ssh, connection);
        try
        {
            await ssh.ConnectAsync(cancellationToken);
            return session;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            session.Dispose();
            throw session._hostKeys.Refusal ?? Describe(target, e);
        }
    }

    /// <summary>Runs one command; returns its exit status and output without judging them.</summary>
    /// <param name="command">The shell command line.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Exit status, standard output, standard error.</returns>
    public async Task<(int ExitStatus, string Output, string Error)> RunAsync(string command, CancellationToken cancellationToken)
    {
        using var ssh = _ssh.CreateCommand(command);
        try
        {
            await ssh.ExecuteAsync(cancellationToken);
        }
        catch (Exception e) when (e is SshException or SocketException or ObjectDisposedException)
        {
            throw new FieldException($"{Target.Display}: connection lost running '{command}': {e.Message}", "check the network and run the command again", FieldExitCodes.Unreachable);
        }

        return (ssh.ExitStatus ?? -1, ssh.Result, ssh.Error);
    }

    /// <summary>Creates a command to stream (its OutputStream is readable while it runs); the caller disposes it.</summary>
    /// <param name="command">The shell command line.</param>
    /// <returns>The command.</returns>
    public SshCommand CreateCommand(string command) => _ssh.CreateCommand(command);

    /// <summary>Runs one command that must succeed; returns its standard output.</summary>
    /// <param name="command">The shell command line.</param>
    /// <param name="hint">The hint if it fails.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    /// <returns>Standard output.</returns>
    public async Task<string> RunCheckedAsync(string command, string hint, CancellationToken cancellationToken)
    {
        var (status, output, error) = await RunAsync(command, cancellationToken);
        if (status != 0)
        {
            var detail = DebPackage.FirstLine(error.Length > 0 ? error : output);
            throw new FieldException($"{Target.Display}: '{command}' failed ({status}): {detail}", hint);
        }

        return output;
    }

    /// <summary>The SFTP channel, opened on first use.</summary>
    /// <param name="cancellationToken">Cancels the connect.</param>
    /// <returns>The client.</returns>
    public async Task<SftpClient> SftpAsync(CancellationToken cancellationToken)
    {
        if (_sftp is null)
        {
            // A second connection: it must pass the same host key check as the first, or SFTP could go to another machine.
            // A device that stops answering mid-upload must end the flash, not hang it.
            var sftp = new SftpClient(_connection) { OperationTimeout = TimeSpan.FromSeconds(60) };
            sftp.HostKeyReceived += _hostKeys.Check;
            try
            {
                await sftp.ConnectAsync(cancellationToken);
            }
            catch (Exception e) when (e is SshException or SocketException)
            {
                sftp.Dispose();
                if (_hostKeys.Refusal is { } refusal)
                {
                    throw refusal;
                }

                throw new FieldException($"{Target.Display}: SFTP unavailable: {e.Message}", "enable the sftp subsystem in the device's sshd_config", FieldExitCodes.Unreachable);
            }

            _sftp = sftp;
        }

        return _sftp;
    }

    /// <summary>Forwards a local loopback port to <paramref name="remotePort"/> on the device's loopback.</summary>
    /// <param name="remotePort">The device port.</param>
    /// <returns>The started forward; its BoundPort is the local port.</returns>
    public ForwardedPortLocal Forward(int remotePort)
    {
        var forward = new ForwardedPortLocal("127.0.0.1", 0, "127.0.0.1", (uint)remotePort);
        _ssh.AddForwardedPort(forward);
        forward.Start();
        return forward;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _sftp?.Dispose();
        _ssh.Dispose();
    }

    private static FieldException Describe(DeviceTarget target, Exception e) => e switch
    {
        FieldException field => field,
        SshAuthenticationException => new FieldException(
            $"{target.Display}: authentication failed for user '{target.User}' with key {target.KeyFile}",
            $"check --user and --key; the public key must be in ~{target.User}/.ssh/authorized_keys on the device", FieldExitCodes.Unreachable),
        SocketException or SshConnectionException or SshOperationTimeoutException or TimeoutException or OperationCanceledException => new FieldException(
            $"{target.Display}: cannot connect: {e.Message}",
            "check the address, the SSH port (--port) and that sshd runs on the device", FieldExitCodes.Unreachable),
        _ => new FieldException($"{target.Display}: SSH error: {e.Message}", "check the device's sshd and your key", FieldExitCodes.Unreachable),
    };
}
