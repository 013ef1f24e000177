using System.Globalization;
using System.Security.Cryptography;
using Gateway.Sip.Headers;
using Gateway.Sip.Message;
using Gateway.Sip.Uris;

namespace Gateway.Sip.Dialogs;

/// <summary>
/// The state of one dialog (RFC 3261 §12): identity, local and remote URI, remote target, route set,
/// sequence numbers and secure flag. It builds in-dialog requests (§12.2.1.1, loose and strict routing)
/// and checks the order of inbound ones (§12.2.2). Thread-safe.
/// </summary>
public sealed class Dialog
{
    private readonly Lock _gate = new();
    private IReadOnlyList<SipNameAddress> _routeSet;
    private AddressUri _remoteTarget;
    private uint _localSequence;
    private uint? _remoteSequence;

    private Dialog(DialogId id, bool isUac, string localUri, string remoteUri, AddressUri remoteTarget, IReadOnlyList<SipNameAddress> routeSet, uint localSequence, uint? remoteSequence, bool isSecure, string localContact)
    {
        Id = id;
        IsUac = isUac;
        LocalUri = localUri;
        RemoteUri = remoteUri;
        _remoteTarget = remoteTarget;
        _routeSet = routeSet;
        _localSequence = localSequence;
        _remoteSequence = remoteSequence;
        IsSecure = isSecure;
        LocalContact = localContact;
    }

    /// <summary>The identity.</summary>
    public DialogId Id { get; }

    /// <summary>True when we sent the INVITE that created the dialog.</summary>
    public bool IsUac { get; }

    /// <summary>Early, confirmed or terminated.</summary>
    public DialogState State { get; private set; }

    /// <summary>The local party with our tag, as the From of our requests.</summary>
    public string LocalUri { get; }

    /// <summary>The remote party with its tag, as the To of our requests.</summary>
    public string RemoteUri { get; }

    /// <summary>Our Contact header value.</summary>
    public string LocalContact { get; }

    /// <summary>True when the dialog was created with a SIPS Request-URI.</summary>
    public bool IsSecure { get; }

    /// <summary>The peer's Contact URI, where in-dialog requests go (updated by target refreshes).</summary>
    public AddressUri RemoteTarget
    {
        get
        {
            lock (_gate)
            {
                return _remoteTarget;
            }
        }
    }

    /// <summary>The route set in the order our requests list it.</summary>
    public IReadOnlyList<SipNameAddress> RouteSet
    {
        get
        {
            lock (_gate)
            {
                return _routeSet;
            }
        }
    }

    /// <summary>The CSeq number of our last request.</summary>
    public uint LocalSequence
    {
        get
        {
            lock (_gate)
            {
                return _localSequence;
            }
        }
    }

    /// <summary>The CSeq number of the peer's last request, or null before the first.</summary>
    public uint? RemoteSequence
    {
        get
        {
            lock (_gate)
            {
                return _remoteSequence;
            }
        }
    }

    /// <summary>Creates the UAC side from a response with a To tag to our INVITE (§12.1.2).</summary>
    /// <param name="invite">The INVITE we sent.</param>
    /// <param name="response">A 1xx (early) or 2xx (confirmed) with a To tag.</param>
    /// <param name="localContact">Our Contact header value.</param>
    /// <returns>The dialog.</returns>
    /// <exception cref="ArgumentException">The response has no To tag or the INVITE no From tag.</exception>
    public static Dialog CreateUac(SipRequest invite, SipResponse response, string localContact)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentNullException.ThrowIfNull(response);
        var remoteTag = response.To?.Tag ?? throw new ArgumentException("a dialog needs a To tag", nameof(response));
        var localTag = invite.From?.Tag ?? throw new ArgumentException("the INVITE has no From tag", nameof(invite));
        var id = new DialogId(invite.CallId!.Value.ToString(), localTag, remoteTag);
        var routeSet = response.RecordRoute.Reverse().ToArray();
        var target = response.Contact is { Items.Count: > 0 } c ? c.Items[0].Uri : invite.RequestUri;
        var dialog = new Dialog(id, true, HeaderText(invite, SipHeaderId.From), HeaderText(response, SipHeaderId.To), target, routeSet, invite.CSeq!.Number, null, IsSips(invite), localContact)
        {
            State = response.StatusCode < 200 ? DialogState.Early : DialogState.Confirmed,
        };
        return dialog;
    }

    /// <summary>Creates the UAS side for an INVITE we answer with our tag (§12.1.1).</summary>
    /// <param name="invite">The INVITE; it must carry a Contact.</param>
    /// <param name="localTag">The To tag of our responses.</param>
    /// <param name="localContact">Our Contact header value.</param>
    /// <param name="confirmed">True when created by a 2xx, false for an early dialog.</param>
    /// <returns>The dialog.</returns>
    /// <exception cref="ArgumentException">The INVITE has no Contact or no From tag.</exception>
    public static Dialog CreateUas(SipRequest invite, string localTag, string localContact, bool confirmed)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentException.ThrowIfNullOrEmpty(localTag);
        var target = invite.Contact is { Items.Count: > 0 } c ? c.Items[0].Uri : throw new ArgumentException("the INVITE has no Contact", nameof(invite));
        var id = new DialogId(invite.CallId!.Value.ToString(), localTag, invite.From?.Tag ?? string.Empty);
        var localUri = HeaderText(invite, SipHeaderId.To) + ";tag=" + localTag;

        // Our first request gets a random start so it is unlikely to collide with an earlier dialog's numbers.
        var localSequence = (uint)RandomNumberGenerator.GetInt32(1, 1 << 16);
        return new Dialog(id, false, localUri, HeaderText(invite, SipHeaderId.From), target, invite.RecordRoute.ToArray(), localSequence, invite.CSeq!.Number, IsSips(invite), localContact)
        {
            State = confirmed ? DialogState.Confirmed : DialogState.Early,
        };
    }

    /// <summary>Moves an early dialog to confirmed; for the UAC the 2xx's Record-Route and Contact replace the early ones (§13.2.2.4).</summary>
    /// <param name="response">The UAC's 2xx, or null on the UAS side.</param>
    public void Confirm(SipResponse? response = null)
    {
        lock (_gate)
        {
            if (State == DialogState.Terminated)
            {
                return;
            }

            State = DialogState.Confirmed;
            if (response is not null && IsUac)
            {
                _routeSet = response.RecordRoute.Reverse().ToArray();
                UpdateTargetLocked(response);
            }
        }
    }

    /// <summary>Ends the dialog.</summary>
    public void Terminate()
    {
        lock (_gate)
        {
            State = DialogState.Terminated;
        }
    }

    /// <summary>Takes the Contact of a target-refresh request or its 2xx as the new remote target (§12.2).</summary>
    /// <param name="message">The re-INVITE or its 2xx.</param>
    public void UpdateRemoteTarget(SipMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            UpdateTargetLocked(message);
        }
    }

    /// <summary>Checks an inbound request's CSeq (§12.2.2) and remembers it. ACK and CANCEL are not counted.</summary>
    /// <param name="request">The in-dialog request.</param>
    /// <returns>False when the number is lower than the last one (the request gets 500).</returns>
    public bool AcceptRemoteSequence(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Method.EqualsOrdinal("ACK") || request.Method.EqualsOrdinal("CANCEL"))
        {
            return true;
        }

        var number = request.CSeq!.Number;
        lock (_gate)
        {
            if (_remoteSequence is { } last && number < last)
            {
                return false;
            }

            _remoteSequence = number;
            return true;
        }
    }

    /// <summary>
    /// Builds an in-dialog request (§12.2.1.1): To/From/Call-ID from the dialog, the next CSeq (ACK reuses
    /// <paramref name="ackSequence"/>), and the Request-URI and Route from the remote target and route set,
    /// loose (lr) or strict.
    /// </summary>
    /// <param name="method">The method.</param>
    /// <param name="via">The Via value, with a fresh branch.</param>
    /// <param name="body">An optional body.</param>
    /// <param name="ackSequence">For ACK: the CSeq number of the INVITE it acknowledges.</param>
    /// <param name="extraHeaders">Further header lines.</param>
    /// <returns>The request.</returns>
    public SipRequest CreateRequest(string method, string via, SipBodyContent? body = null, uint? ackSequence = null, IEnumerable<KeyValuePair<string, string>>? extraHeaders = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(via);
        uint sequence;
        AddressUri target;
        IReadOnlyList<SipNameAddress> routeSet;
        lock (_gate)
        {
            sequence = method == "ACK" ? ackSequence ?? _localSequence : ++_localSequence;
            target = _remoteTarget;
            routeSet = _routeSet;
        }

        var (requestUri, routes) = DialogRouting.Compute(target, routeSet);
        var builder = SipMessageBuilder.ForRequest(method, requestUri);
        builder.AddHeader("Via", via);
        builder.AddHeader("Max-Forwards", "70");
        foreach (var route in routes)
        {
            builder.AddHeader("Route", route);
        }

        builder.AddHeader("From", LocalUri);
        builder.AddHeader("To", RemoteUri);
        builder.AddHeader("Call-ID", Id.CallId);
        builder.AddHeader("CSeq", sequence.ToString(CultureInfo.InvariantCulture) + " " + method);
        if (method is "INVITE" or "UPDATE" or "SUBSCRIBE" or "NOTIFY" or "REFER")
        {
            builder.AddHeader("Contact", LocalContact);
        }

        foreach (var (name, value) in extraHeaders ?? [])
        {
            builder.AddHeader(name, value);
        }

        if (body is not null)
        {
            builder.SetBody(body.Content, body.ContentType);
        }

        return (SipRequest)builder.Build();
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Id} {State}";

    private void UpdateTargetLocked(SipMessage message)
    {
        if (message.Contact is { IsWildcard: false, Items.Count: > 0 } contact)
        {
            _remoteTarget = contact.Items[0].Uri;
        }
    }

    private static string HeaderText(SipMessage message, SipHeaderId id) =>
        message.TryGetValue(id, out var value) ? value.ToString() : throw new ArgumentException($"missing {SipHeaderNames.GetCanonicalName(id)}", nameof(message));

    private static bool IsSips(SipRequest invite) => invite.RequestUri is SipUri { IsSecure: true };
}
