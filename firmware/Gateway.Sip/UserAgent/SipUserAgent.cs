using System.Collections.Concurrent;
using Gateway.Sip.Dialogs;
using Gateway.Sip.Message;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Sip.UserAgent;

/// <summary>
/// The UA core (RFC 3261 §8, §12-15) as the transaction user: OPTIONS, 405/501 through the validator
/// built from <see cref="Capabilities"/>, new INVITEs to the <see cref="IIncomingCallHandler"/>,
/// in-dialog requests through the <see cref="DialogTable"/> (481 when no dialog matches), CANCEL to the
/// call whose INVITE it targets, and outgoing calls with <see cref="Call(string, Dialogs.SipBodyContent?, SipCallOptions)"/>.
/// </summary>
public sealed class SipUserAgent : ISipTransactionUser
{
    private static readonly SipCallOptions s_ownIdentity = new();
    private readonly IIncomingCallHandler? _incoming;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<ServerInviteTransaction, SipCall> _invites = new();
    private readonly ConcurrentDictionary<SipCall, byte> _calls = new();
    private SipTransactionLayer? _layer;

    /// <summary>Creates a UA; call <see cref="Attach"/> with the transaction layer built around it.</summary>
    /// <param name="options">Settings.</param>
    /// <param name="incoming">Receives new calls; without one every INVITE gets 480.</param>
    /// <param name="logger">Logs handler failures.</param>
    public SipUserAgent(SipUserAgentOptions options, IIncomingCallHandler? incoming = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
        Local = new SipLocalParty(options);
        _incoming = incoming;
        _logger = logger ?? NullLogger.Instance;
        CommonHeaders = [new("User-Agent", options.Product)];
    }

    /// <summary>What this UA handles: the methods, no option tags (no 100rel, no session timer), SDP bodies.</summary>
    public static SipUasCapabilities Capabilities { get; } = new()
    {
        OptionTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
    };

    /// <summary>The settings.</summary>
    public SipUserAgentOptions Options { get; }

    /// <summary>Our Via, Contact and From values.</summary>
    public SipLocalParty Local { get; }

    /// <summary>The live dialogs.</summary>
    public DialogTable Dialogs { get; } = new();

    /// <summary>Calls not yet ended.</summary>
    public int ActiveCallCount => _calls.Count;

    internal IReadOnlyList<KeyValuePair<string, string>> CommonHeaders { get; }

    internal SipTransactionLayer Layer => _layer ?? throw new InvalidOperationException("the UA is not attached to a transaction layer");

    /// <summary>A validator that answers from <see cref="Capabilities"/>; give it to the transaction layer.</summary>
    /// <returns>The validator.</returns>
    public static SipRequestValidator CreateValidator() => new(Capabilities);

    /// <summary>Connects the UA to the transaction layer that has it as its user.</summary>
    /// <param name="layer">The layer.</param>
    public void Attach(SipTransactionLayer layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (Interlocked.CompareExchange(ref _layer, layer, null) is not null)
        {
            throw new InvalidOperationException("already attached");
        }
    }

    /// <summary>Starts an outgoing call.</summary>
    /// <param name="target">The Request-URI and To, e.g. "sip:bob@127.0.0.1:5070".</param>
    /// <param name="offer">The INVITE body, or null.</param>
    /// <returns>The call; await its tasks for progress.</returns>
    public SipOutgoingCall Call(string target, SipBodyContent? offer) => Call(target, offer, s_ownIdentity);

    /// <summary>Starts an outgoing call as someone else than the UA itself (a card's user), with extra headers.</summary>
    /// <param name="target">The Request-URI and To, e.g. "sip:+15551230001@127.0.0.1".</param>
    /// <param name="offer">The INVITE body, or null.</param>
    /// <param name="options">From, display name, Contact user, authenticator and extra headers of this call.</param>
    /// <returns>The call; await its tasks for progress.</returns>
    /// <exception cref="ArgumentException">An option is malformed (checked before anything is sent).</exception>
    public SipOutgoingCall Call(string target, SipBodyContent? offer, SipCallOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(target);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var call = new SipOutgoingCall(this, target, offer, options);
        _calls.TryAdd(call, 0);
        call.Start();
        return call;
    }

    /// <inheritdoc/>
    public void OnRequest(ServerTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var request = transaction.Request;
        var method = request.Method.ToString();
        if (method == "CANCEL")
        {
            OnCancel((ServerNonInviteTransaction)transaction);
            return;
        }

        if (request.To?.Tag is not null)
        {
            Dialogs.Dispatch(transaction);
            return;
        }

        switch (method)
        {
            case "INVITE":
                OnInvite((ServerInviteTransaction)transaction);
                break;
            case "OPTIONS":
                transaction.SendResponse(CreateOptionsResponse(transaction));
                break;
            case "BYE":
                transaction.Respond(481);
                break;
            default:
                transaction.SendResponse(CreateMethodNotAllowed(transaction));
                break;
        }
    }

    /// <inheritdoc/>
    public void OnAck(SipRequest ack, in SipInboundContext context) => Dialogs.DispatchAck(ack);

    /// <inheritdoc/>
    public void OnAckTimeout(ServerInviteTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (transaction.LastResponse is { StatusCode: >= 200 and < 300 } && _invites.TryRemove(transaction, out var call))
        {
            call.OnAckTimeout();
        }
    }

    internal void TrackInvite(ServerInviteTransaction transaction, SipCall call) => _invites[transaction] = call;

    internal void Forget(SipCall call)
    {
        _calls.TryRemove(call, out _);
        foreach (var (transaction, owner) in _invites)
        {
            if (ReferenceEquals(owner, call))
            {
                _invites.TryRemove(transaction, out _);
            }
        }
    }

    internal void Send(SipRequest request, ISipClientTransactionUser user, bool inDialog) =>
        Layer.SendRequest(request, ResolveDestination(request, inDialog), user);

    internal SipEndPoint ResolveDestination(SipRequest request, bool inDialog) =>
        // Out of dialog everything goes to the outbound proxy; in a dialog the route set decides.
        !inDialog && Options.OutboundProxy is { } proxy
            ? proxy
            : SipNextHop.Resolve(request, Local.Transport, Options.OutboundProxy);

    internal void SendAck(SipRequest ack, SipEndPoint? destination = null)
    {
        destination ??= SipNextHop.Resolve(ack, Local.Transport, Options.OutboundProxy);
        _ = SendStatelessAsync(ack, destination.Value);
    }

    internal SipResponse CreateInviteResponse(ServerTransaction transaction, int statusCode, SipBodyContent? body = null)
    {
        var builder = SipResponseFactory.CreateResponse(transaction.Request, statusCode, toTag: transaction.ToTag);
        AddRecordRoute(builder, transaction.Request);

        // §12.1.1 / §13.3.1: a response that creates a dialog carries our Contact.
        builder.AddHeader("Contact", Local.Contact);
        if (statusCode is >= 200 and < 300)
        {
            AddCapabilities(builder);
        }

        if (body is not null)
        {
            builder.SetBody(body.Content, body.ContentType);
        }

        return (SipResponse)builder.Build();
    }

    internal SipResponse CreateOptionsResponse(ServerTransaction transaction)
    {
        var builder = SipResponseFactory.CreateResponse(transaction.Request, 200, toTag: transaction.ToTag);
        AddCapabilities(builder);
        builder.AddHeader("Accept", string.Join(", ", Capabilities.ContentTypes.Order(StringComparer.Ordinal)));
        builder.AddHeader("Server", Options.Product);
        return (SipResponse)builder.Build();
    }

    internal static SipResponse CreateMethodNotAllowed(ServerTransaction transaction)
    {
        var builder = SipResponseFactory.CreateResponse(transaction.Request, 405, toTag: transaction.ToTag);
        builder.AddHeader("Allow", AllowValue());
        return (SipResponse)builder.Build();
    }

    internal static SipResponse CreateRetryLater(ServerTransaction transaction)
    {
        var builder = SipResponseFactory.CreateResponse(transaction.Request, 500, toTag: transaction.ToTag);
        builder.AddHeader("Retry-After", "1");
        return (SipResponse)builder.Build();
    }

    internal static SipResponse CreateCancelResponse(ServerNonInviteTransaction cancel, ServerInviteTransaction invite) =>
        (SipResponse)SipResponseFactory.CreateResponse(cancel.Request, 200, toTag: invite.ToTag).Build();

    private static string AllowValue() => string.Join(", ", Capabilities.Methods.Order(StringComparer.Ordinal));

    private static void AddCapabilities(SipMessageBuilder builder)
    {
        builder.AddHeader("Allow", AllowValue());
        if (Capabilities.OptionTags.Count > 0)
        {
            builder.AddHeader("Supported", string.Join(", ", Capabilities.OptionTags.Order(StringComparer.Ordinal)));
        }
    }

    private static void AddRecordRoute(SipMessageBuilder builder, SipRequest request)
    {
        // §12.1.1: the UAS copies Record-Route into every response that creates a dialog.
        foreach (var value in request.GetValues("Record-Route"))
        {
            builder.AddHeader("Record-Route", value);
        }
    }

    private void OnInvite(ServerInviteTransaction transaction)
    {
        var request = transaction.Request;
        if (request.Contact is not { IsWildcard: false, Items.Count: 1 })
        {
            transaction.Respond(400, "Bad Request (INVITE needs exactly one Contact)");
            return;
        }

        var call = new SipIncomingCall(this, transaction);
        _calls.TryAdd(call, 0);
        TrackInvite(transaction, call);
        if (_incoming is null)
        {
            call.Reject(480);
            return;
        }

        try
        {
            _incoming.OnIncomingCall(call);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogError(ex, "SIP: the incoming call handler failed on {Request}", request);
            call.Reject(500);
        }
    }

    private void OnCancel(ServerNonInviteTransaction cancel)
    {
        // The transaction layer already answered 481 to a CANCEL that matches no INVITE.
        if (cancel.CancelTarget is { } target && _invites.TryGetValue(target, out var call) && call is SipIncomingCall incoming && incoming.IsInitialInvite(target))
        {
            incoming.OnCancel(cancel);
            return;
        }

        // The INVITE was already answered finally (or is a re-INVITE we answered at once): just 200 (§9.2).
        if (cancel.CancelTarget is { } answered)
        {
            cancel.SendResponse(CreateCancelResponse(cancel, answered));
        }
        else
        {
            cancel.Respond(200);
        }
    }

    private async Task SendStatelessAsync(SipRequest message, SipEndPoint destination)
    {
        try
        {
            await Layer.SendStatelessAsync(message, destination).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            _logger.LogWarning(ex, "SIP: sending {Request} to {Destination} failed", message, destination);
        }
    }
}
