using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Gateway.Sip.Auth;
using Gateway.Sip.Message;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Registration;

/// <summary>
/// Builds the REGISTERs of one registration: one Call-ID and From tag for its whole life and a CSeq that
/// grows by one with every request (RFC 3261 §10.2.4), a new branch each time.
/// </summary>
internal sealed class RegistrationRequestFactory
{
    private readonly RegistrationOptions _options;
    private readonly SipTransportLayer _transports;
    private uint _cseq;

    public RegistrationRequestFactory(RegistrationOptions options, SipTransportLayer transports)
    {
        _options = options;
        _transports = transports;
        CallId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + "@gateway";
        FromTag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
    }

    public string CallId { get; }

    public string FromTag { get; }

    /// <summary>The CSeq number of the last request built.</summary>
    public uint LastCSeq => Volatile.Read(ref _cseq);

    /// <summary>A REGISTER asking for <paramref name="expires"/> seconds (0 removes this contact's binding).</summary>
    public SipRequest Create(uint expires, DigestAuthorization? authorization)
    {
        var destination = _options.NextHop;
        var local = _transports.GetLocalEndPoint(destination);
        var cseq = Interlocked.Increment(ref _cseq);
        var seconds = expires.ToString(CultureInfo.InvariantCulture);
        var builder = SipMessageBuilder.ForRequest("REGISTER", _options.RegistrarUri)
            .AddHeader(SipHeaderId.Via, $"SIP/2.0/{TransportToken(destination.Transport)} {HostPort(local)};branch={SipBranch.Create()};rport")
            .AddHeader(SipHeaderId.MaxForwards, "70");
        if (_options.OutboundProxyUri is { } proxy)
        {
            builder.AddHeader(SipHeaderId.Route, $"<{proxy};lr>");
        }

        builder.AddHeader(SipHeaderId.From, $"<{_options.Aor}>;tag={FromTag}")
            .AddHeader(SipHeaderId.To, $"<{_options.Aor}>")
            .AddHeader(SipHeaderId.CallId, CallId)
            .AddHeader(SipHeaderId.CSeq, cseq.ToString(CultureInfo.InvariantCulture) + " REGISTER")
            .AddHeader(SipHeaderId.Contact, Contact(expires))
            .AddHeader(SipHeaderId.Expires, seconds);
        if (_options.RegId is not null && _options.InstanceId is not null)
        {
            builder.AddHeader(SipHeaderId.Supported, "outbound");
        }

        if (_options.UserAgent is { } agent)
        {
            builder.AddHeader("User-Agent", agent);
        }

        if (authorization is { ShouldRetry: true })
        {
            foreach (var value in authorization.HeaderValues)
            {
                builder.AddHeader(authorization.HeaderName, value);
            }
        }

        return (SipRequest)builder.Build();
    }

    private string Contact(uint expires)
    {
        var contact = new StringBuilder().Append('<').Append(_options.ContactUri).Append('>');
        if (_options.InstanceId is { } instance)
        {
            contact.Append(";+sip.instance=\"<").Append(instance).Append(">\"");
            if (_options.RegId is { } regId)
            {
                contact.Append(";reg-id=").Append(regId.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (expires == 0)
        {
            // Only this contact goes; other devices' bindings of the AOR stay (RFC 3261 §10.2.2).
            contact.Append(";expires=0");
        }

        return contact.ToString();
    }

    private static string TransportToken(SipTransportKind kind) => kind.ToString().ToUpperInvariant();

    private static string HostPort(IPEndPoint local) => local.AddressFamily == AddressFamily.InterNetworkV6
        ? $"[{local.Address}]:{local.Port.ToString(CultureInfo.InvariantCulture)}"
        : $"{local.Address}:{local.Port.ToString(CultureInfo.InvariantCulture)}";
}
