namespace Gateway.NetworkServer;

/// <summary>How <see cref="NetworkServerProcess"/> starts Kamailio. Every default suits a test on loopback.</summary>
public sealed class NetworkServerOptions
{
    /// <summary>Address to listen on (UDP and TCP). Default 127.0.0.1.</summary>
    public string ListenAddress { get; init; } = "127.0.0.1";

    /// <summary>SIP port; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Runtime folder (config copy, control socket, log); null creates a temporary one, deleted on dispose.</summary>
    public string? RunDirectory { get; init; }

    /// <summary>SQLite database path; null puts it in the runtime folder. Created if missing.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>Where calls to non-subscriber numbers go, e.g. <c>sip:127.0.0.1:5090</c>; null uses port 5090 on the listen address.</summary>
    public string? PstnUri { get; init; }

    /// <summary>
    /// Source <c>ip:port</c> of the PSTN gateway, trusted without digest for calls into
    /// follow-me numbers; null trusts nobody.
    /// </summary>
    public string? PstnSource { get; init; }

    /// <summary>Digest realm and subscriber domain; null uses the listen address.</summary>
    public string? Realm { get; init; }

    /// <summary>How often usrloc writes contacts to the database (db_mode 2), in seconds.</summary>
    public int UsrlocTimerSeconds { get; init; } = 10;

    /// <summary>Seconds a digest nonce stays valid (auth nonce_expire); Kamailio's default 300. Tests shorten it to provoke stale=true.</summary>
    public int NonceExpireSeconds { get; init; } = 300;

    /// <summary>Shortest registration expiry (registrar min_expires); shorter requests are raised to it. Kamailio's default 60.</summary>
    public int MinExpiresSeconds { get; init; } = 60;

    /// <summary>Challenge with SHA-256 digest instead of MD5 (Kamailio 5.6 offers one algorithm per server).</summary>
    public bool UseSha256 { get; init; }

    /// <summary>Folder holding start-network-server.sh; null uses the copy next to this assembly.</summary>
    public string? ScriptDirectory { get; init; }

    /// <summary>How long to wait for Kamailio to answer its control socket.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(20);
}
