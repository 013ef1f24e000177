namespace Gateway.Sip.Transport;

/// <summary>The transport protocol of a Via sent-protocol or a SIP URI transport parameter.</summary>
public enum SipTransportKind
{
    /// <summary>UDP: unreliable, one message per datagram.</summary>
    Udp = 0,

    /// <summary>TCP: reliable, Content-Length framed stream.</summary>
    Tcp,

    /// <summary>TLS over TCP: reliable stream (reserved; no transport implements it yet).</summary>
    Tls,
}
