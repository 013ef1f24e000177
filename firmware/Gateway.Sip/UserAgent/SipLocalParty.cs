using System.Globalization;
using System.Net.Sockets;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;

namespace Gateway.Sip.UserAgent;

/// <summary>Our own header values: Via sent-by, Contact and the From address-of-record.</summary>
public sealed class SipLocalParty
{
    private readonly string _transportParam;

    /// <summary>Creates the values from the UA settings.</summary>
    /// <param name="options">The settings.</param>
    public SipLocalParty(SipUserAgentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var local = options.Local.EndPoint;
        var host = local.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{local.Address}]" : local.Address.ToString();
        HostPort = host + ":" + local.Port.ToString(CultureInfo.InvariantCulture);
        Transport = options.Local.Transport;
        _transportParam = Transport == SipTransportKind.Udp ? string.Empty : ";transport=" + Transport.ToString().ToLowerInvariant();
        Contact = ContactFor(options.User);
        AddressOfRecord = $"sip:{options.User}@{options.Domain ?? host}";
    }

    /// <summary>Our transport.</summary>
    public SipTransportKind Transport { get; }

    /// <summary>host:port of the Via sent-by and the Contact.</summary>
    public string HostPort { get; }

    /// <summary>Our Contact header value.</summary>
    public string Contact { get; }

    /// <summary>Our address-of-record (From URI).</summary>
    public string AddressOfRecord { get; }

    /// <summary>A Contact value at our address for another user part (one per account on the box).</summary>
    /// <param name="user">The user part, already valid as a SIP user.</param>
    /// <returns>The value.</returns>
    public string ContactFor(string user) => $"<sip:{user}@{HostPort}{_transportParam}>";

    /// <summary>A Via value with a new branch and rport (RFC 3581).</summary>
    /// <returns>The value.</returns>
    public string NewVia() => $"SIP/2.0/{Transport.ToString().ToUpperInvariant()} {HostPort};branch={SipBranch.Create()};rport";
}
