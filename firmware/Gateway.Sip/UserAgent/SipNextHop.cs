using System.Net;
using Gateway.Sip.Message;
using Gateway.Sip.Transport;
using Gateway.Sip.Uris;

namespace Gateway.Sip.UserAgent;

/// <summary>
/// Where a request goes (RFC 3261 §8.1.2): the first Route when it is a loose router, else the
/// Request-URI. Only IP literals resolve here (no DNS, RFC 3263 is not implemented); anything else
/// goes to the fallback (the outbound proxy) or fails.
/// </summary>
public static class SipNextHop
{
    /// <summary>Resolves the next hop of a request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="defaultTransport">The transport when the URI names none.</param>
    /// <param name="fallback">Used when the URI's host is not an IP literal.</param>
    /// <returns>The destination.</returns>
    /// <exception cref="InvalidOperationException">No IP literal and no fallback.</exception>
    public static SipEndPoint Resolve(SipRequest request, SipTransportKind defaultTransport, SipEndPoint? fallback)
    {
        ArgumentNullException.ThrowIfNull(request);
        var routes = request.Route;
        AddressUri uri = routes.Count > 0 && routes[0].Uri is SipUri { IsLooseRouter: true } loose ? loose : request.RequestUri;
        if (uri is SipUri sip && TryResolve(sip, defaultTransport, out var endPoint))
        {
            return endPoint;
        }

        return fallback ?? throw new InvalidOperationException($"cannot resolve {uri}: only IP literals are supported and no outbound proxy is set");
    }

    /// <summary>Resolves a SIP URI whose host is an IP literal.</summary>
    /// <param name="uri">The URI.</param>
    /// <param name="defaultTransport">The transport when the URI has no transport parameter.</param>
    /// <param name="endPoint">The destination.</param>
    /// <returns>False when the host is a name.</returns>
    public static bool TryResolve(SipUri uri, SipTransportKind defaultTransport, out SipEndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var kind = uri.Transport?.ToUpperInvariant() switch
        {
            "TCP" => SipTransportKind.Tcp,
            "TLS" => SipTransportKind.Tls,
            "UDP" => SipTransportKind.Udp,
            _ => uri.IsSecure ? SipTransportKind.Tls : defaultTransport,
        };
        var host = uri.Host.ToString().Trim('[', ']');
        if (!IPAddress.TryParse(host, out var address))
        {
            endPoint = default;
            return false;
        }

        endPoint = new SipEndPoint(kind, new IPEndPoint(address, uri.Port ?? (kind == SipTransportKind.Tls ? 5061 : 5060)));
        return true;
    }
}
