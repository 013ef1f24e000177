using System.Net;
using Gateway.Sip.Headers;
using Gateway.Sip.Message;
using Gateway.Sip.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Sip.Transactions;

/// <summary>
/// The RFC 3261 §17 transaction layer: the one receiver of the transports. It matches responses to
/// client transactions and requests to server transactions, absorbs retransmissions, answers broken
/// requests with 400 and rejected ones with the validator's response, and passes everything new to
/// the <see cref="ISipTransactionUser"/>.
/// </summary>
public sealed class SipTransactionLayer : ISipTransportReceiver, IDisposable
{
    private static readonly TimeSpan s_logInterval = TimeSpan.FromMinutes(1);

    private readonly SipTransportLayer _transports;
    private readonly ISipTransactionUser _user;
    private readonly SipRequestValidator _validator;
    private readonly ILogger _logger;
    private readonly SipLogRateLimiter _logLimiter;
    private readonly Dictionary<string, ClientTransaction> _clients = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServerTransaction> _servers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ServerInviteTransaction> _invitesByDialog = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Creates the layer and starts the transports with it as their receiver.</summary>
    /// <param name="transports">The transports (not yet started).</param>
    /// <param name="user">The TU for new server transactions.</param>
    /// <param name="timers">Timer values; RFC defaults when null.</param>
    /// <param name="timeProvider">The clock for every timer; the system clock when null.</param>
    /// <param name="validator">Checks new requests (§8.2); default capabilities when null.</param>
    /// <param name="logger">Rate-limited reports of dropped and rejected messages.</param>
    public SipTransactionLayer(
        SipTransportLayer transports,
        ISipTransactionUser user,
        SipTimerSettings? timers = null,
        TimeProvider? timeProvider = null,
        SipRequestValidator? validator = null,
        ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(transports);
        ArgumentNullException.ThrowIfNull(user);
        _transports = transports;
        _user = user;
        Timers = timers ?? SipTimerSettings.Default;
        TimeProvider = timeProvider ?? TimeProvider.System;
        _validator = validator ?? new SipRequestValidator();
        _logger = logger ?? NullLogger.Instance;
        _logLimiter = new SipLogRateLimiter(TimeProvider, s_logInterval);
        transports.Start(this);
    }

    /// <summary>The timer values.</summary>
    public SipTimerSettings Timers { get; }

    /// <summary>The clock of every timer.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>The transports.</summary>
    public SipTransportLayer Transports => _transports;

    /// <summary>Number of live client transactions.</summary>
    public int ClientTransactionCount
    {
        get
        {
            lock (_gate)
            {
                return _clients.Count;
            }
        }
    }

    /// <summary>Number of live server transactions.</summary>
    public int ServerTransactionCount
    {
        get
        {
            lock (_gate)
            {
                return _servers.Count;
            }
        }
    }

    /// <summary>
    /// Starts a client transaction: sends the request and retransmits it as the transport needs.
    /// The request must carry one Via with an RFC 3261 branch (see <see cref="SipBranch"/>).
    /// </summary>
    /// <param name="request">The request (not ACK: an ACK for a 2xx is sent with <see cref="SendStatelessAsync"/>).</param>
    /// <param name="destination">Where to send it.</param>
    /// <param name="user">Receives the responses.</param>
    /// <returns>The transaction (a <see cref="ClientInviteTransaction"/> for INVITE).</returns>
    public ClientTransaction SendRequest(SipRequest request, SipEndPoint destination, ISipClientTransactionUser user)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(user);
        if (request.Method.Span.SequenceEqual("ACK"u8))
        {
            throw new ArgumentException("ACK has no client transaction; send it with SendStatelessAsync.", nameof(request));
        }

        var branch = request.Via.Count > 0 ? request.Via[0].Branch : null;
        if (branch is null || !request.Via[0].HasRfc3261Branch)
        {
            throw new ArgumentException("The request needs a top Via with an RFC 3261 branch.", nameof(request));
        }

        var transport = _transports.Resolve(destination);
        var key = SipTransactionKeys.Client(branch, request.Method.ToString());
        ClientTransaction transaction = request.Method.Span.SequenceEqual("INVITE"u8)
            ? new ClientInviteTransaction(this, request, transport, destination.EndPoint, key, user)
            : new ClientNonInviteTransaction(this, request, transport, destination.EndPoint, key, user);
        lock (_gate)
        {
            if (!_clients.TryAdd(key, transaction))
            {
                throw new InvalidOperationException($"A client transaction with branch {branch} already exists.");
            }
        }

        transaction.Start();
        return transaction;
    }

    /// <summary>Sends a message outside any transaction: the ACK for a 2xx, or a 2xx retransmitted by a dialog.</summary>
    /// <param name="message">The message.</param>
    /// <param name="destination">Where to send it.</param>
    /// <param name="cancellationToken">Cancels a connect or write.</param>
    /// <returns>Completes when handed to the OS.</returns>
    public ValueTask SendStatelessAsync(SipMessage message, SipEndPoint destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _transports.SendAsync(destination, message.Raw, cancellationToken);
    }

    /// <summary>Terminates every transaction so no timer fires after shutdown. Transports are not touched.</summary>
    public void Dispose()
    {
        List<SipTransaction> all;
        lock (_gate)
        {
            all = new List<SipTransaction>(_clients.Count + _servers.Count);
            all.AddRange(_clients.Values);
            all.AddRange(_servers.Values);
        }

        foreach (var transaction in all)
        {
            transaction.Abandon();
        }
    }

    /// <inheritdoc/>
    public void OnMessage(SipMessage message, in SipInboundContext context)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message is SipResponse response)
        {
            HandleResponse(response, context);
        }
        else
        {
            HandleRequest((SipRequest)message, context);
        }
    }

    /// <inheritdoc/>
    public void OnInvalidMessage(ReadOnlySpan<byte> data, SipParseError parseError, bool looksLikeResponse, in SipInboundContext context)
    {
        if (looksLikeResponse || data[SipParser.SkipLeadingCrlf(data)..].StartsWith("ACK "u8))
        {
            // Responses and ACKs are never answered (§8.1.3.3, §17.1.1.3).
            LogLimited(context, "invalid", parseError.ToString());
            return;
        }

        RejectStateless(data, parseError.Detail, context);
    }

    internal void Transmit(SipTransaction transaction, ReadOnlyMemory<byte> data)
    {
        try
        {
            var pending = transaction.Transport.SendAsync(transaction.RemoteEndPoint, data);
            if (pending.IsCompletedSuccessfully)
            {
                pending.GetAwaiter().GetResult();
                return;
            }

            _ = AwaitSendAsync(transaction, pending.AsTask());
        }
        catch (Exception ex)
        {
            ReportSendFailure(transaction, ex);
        }
    }

    internal void Remove(SipTransaction transaction)
    {
        lock (_gate)
        {
            if (transaction is ClientTransaction client)
            {
                if (_clients.TryGetValue(client.Key, out var c) && ReferenceEquals(c, client))
                {
                    _clients.Remove(client.Key);
                }

                return;
            }

            if (_servers.TryGetValue(transaction.Key, out var s) && ReferenceEquals(s, transaction))
            {
                _servers.Remove(transaction.Key);
            }

            if (transaction is ServerInviteTransaction invite
                && _invitesByDialog.TryGetValue(invite.DialogKey, out var i) && ReferenceEquals(i, invite))
            {
                _invitesByDialog.Remove(invite.DialogKey);
            }
        }
    }

    internal void InvokeUser(ClientTransaction transaction, SipResponse response, ISipClientTransactionUser user)
    {
        try
        {
            user.OnResponse(transaction, response);
        }
        catch (Exception ex)
        {
            // Timer callbacks run on pool threads, where an escaping exception ends the process.
            _logger.LogError(ex, "SIP: the transaction user failed on {Status} {Request}", response.StatusCode, transaction.Request);
        }
    }

    internal void InvokeAckTimeout(ServerInviteTransaction transaction)
    {
        try
        {
            _user.OnAckTimeout(transaction);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "SIP: the transaction user failed on an ACK timeout for {Request}", transaction.Request);
        }
    }

    private static IPEndPoint ResponseDestination(SipVia top, in SipInboundContext context)
    {
        // §18.2.2 / RFC 3581: the source IP always equals received (or sent-by); the port is the
        // source port for rport or a connection, otherwise the sent-by port.
        if (context.Transport.IsReliable || top.HasRPort)
        {
            return context.Remote;
        }

        return new IPEndPoint(context.Remote.Address, top.Port ?? (context.Transport.Kind == SipTransportKind.Tls ? 5061 : 5060));
    }

    private static string? MissingHeader(SipRequest request)
    {
        if (request.CallId is null)
        {
            return "missing Call-ID";
        }

        if (request.CSeq is null)
        {
            return "missing CSeq";
        }

        if (request.From is null)
        {
            return "missing From";
        }

        return request.To is null ? "missing To" : null;
    }

    private async Task AwaitSendAsync(SipTransaction transaction, Task pending)
    {
        try
        {
            await pending;
        }
        catch (Exception ex)
        {
            ReportSendFailure(transaction, ex);
        }
    }

    private void ReportSendFailure(SipTransaction transaction, Exception ex)
    {
        if (_logLimiter.ShouldLog(transaction.RemoteEndPoint.Address + "|send"))
        {
            _logger.LogWarning(ex, "SIP: sending to {Remote} failed", transaction.RemoteEndPoint);
        }

        transaction.OnTransportError(ex);
    }

    private void HandleResponse(SipResponse response, in SipInboundContext context)
    {
        if (SipResponseValidator.ShouldDrop(response, out var reason))
        {
            LogLimited(context, "bad-response", reason);
            return;
        }

        var top = response.Via[0];
        var branch = top.Branch;
        ClientTransaction? transaction = null;
        if (branch is not null)
        {
            var key = SipTransactionKeys.Client(branch, response.CSeq!.Method.ToString());
            lock (_gate)
            {
                _clients.TryGetValue(key, out transaction);
            }
        }

        if (transaction is null)
        {
            LogLimited(context, "stray", $"stray response {response} dropped");
            return;
        }

        transaction.ReceiveResponse(response);
    }

    private void HandleRequest(SipRequest request, in SipInboundContext context)
    {
        var isAck = request.Method.Span.SequenceEqual("ACK"u8);
        SipVia top;
        string key;
        try
        {
            var vias = request.Via;
            var missing = vias.Count == 0 ? "missing Via" : MissingHeader(request);
            if (missing is not null)
            {
                RejectOrDrop(request, isAck, missing, context);
                return;
            }

            top = vias[0];
            key = SipTransactionKeys.Server(request, top);
        }
        catch (SipParseException ex)
        {
            RejectOrDrop(request, isAck, ex.Error.Detail, context);
            return;
        }

        ServerTransaction? existing;
        lock (_gate)
        {
            _servers.TryGetValue(key, out existing);
        }

        if (existing is not null && !isAck)
        {
            existing.ReceiveRetransmission(request);
            return;
        }

        if (isAck)
        {
            HandleAck(request, existing as ServerInviteTransaction, context);
            return;
        }

        SipValidationResult validation;
        try
        {
            validation = _validator.Validate(request);
        }
        catch (SipParseException ex)
        {
            RejectStateless(request.Raw.Span, ex.Error.Detail, context);
            return;
        }

        var transaction = CreateServerTransaction(request, top, key, context);
        if (transaction is null)
        {
            return;
        }

        if (!validation.IsAccepted)
        {
            LogLimited(context, "rejected", $"{request} rejected: {validation}");
            transaction.SendResponse((SipResponse)validation.CreateResponse(request).Build());
            return;
        }

        if (transaction is ServerNonInviteTransaction cancel && request.Method.Span.SequenceEqual("CANCEL"u8))
        {
            ServerTransaction? target;
            lock (_gate)
            {
                _servers.TryGetValue(SipTransactionKeys.Server(request, top, "INVITE"), out target);
            }

            if (target is not ServerInviteTransaction invite)
            {
                // §9.2: a CANCEL that matches no INVITE is answered 481 without bothering the TU.
                cancel.Respond(481);
                return;
            }

            cancel.CancelTarget = invite;
        }

        try
        {
            _user.OnRequest(transaction);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "SIP: the transaction user failed on {Request}", request);
        }
    }

    private ServerTransaction? CreateServerTransaction(SipRequest request, SipVia top, string key, in SipInboundContext context)
    {
        var remote = ResponseDestination(top, context);
        ServerTransaction transaction;
        ServerInviteTransaction? invite = null;
        if (request.Method.Span.SequenceEqual("INVITE"u8))
        {
            transaction = invite = new ServerInviteTransaction(this, request, context.Transport, remote, key, SipTransactionKeys.Dialog(request), top.HasRfc3261Branch);
        }
        else
        {
            transaction = new ServerNonInviteTransaction(this, request, context.Transport, remote, key);
        }

        ServerTransaction? raced;
        lock (_gate)
        {
            if (!_servers.TryGetValue(key, out raced))
            {
                _servers.Add(key, transaction);
                if (invite is not null)
                {
                    _invitesByDialog[invite.DialogKey] = invite;
                }
            }
        }

        if (raced is not null)
        {
            // Two copies of the request arrived at once on different threads; the second is a retransmission.
            raced.ReceiveRetransmission(request);
            return null;
        }

        invite?.Start();
        return transaction;
    }

    private void HandleAck(SipRequest ack, ServerInviteTransaction? matched, in SipInboundContext context)
    {
        if (matched is not null && (matched.IsRfc3261 || ToTagMatches(ack, matched)))
        {
            if (matched.ReceiveAck())
            {
                NotifyAck(ack, context);
            }

            return;
        }

        // An ACK for a 2xx has its own branch (§17.1.1.3); it finds its INVITE through the dialog.
        ServerInviteTransaction? invite;
        lock (_gate)
        {
            _invitesByDialog.TryGetValue(SipTransactionKeys.Dialog(ack), out invite);
        }

        if (invite is not null && invite.State == SipTransactionState.Accepted)
        {
            invite.ReceiveAck();
        }

        NotifyAck(ack, context);
    }

    private void NotifyAck(SipRequest ack, in SipInboundContext context)
    {
        try
        {
            _user.OnAck(ack, context);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "SIP: the transaction user failed on {Request}", ack);
        }
    }

    private static bool ToTagMatches(SipRequest ack, ServerInviteTransaction invite)
    {
        var sent = invite.LastResponse?.To?.Tag;
        return sent is not null && string.Equals(sent, ack.To?.Tag, StringComparison.Ordinal);
    }

    private void RejectOrDrop(SipRequest request, bool isAck, string detail, in SipInboundContext context)
    {
        if (isAck)
        {
            LogLimited(context, "invalid", $"malformed ACK dropped: {detail}");
            return;
        }

        RejectStateless(request.Raw.Span, detail, context);
    }

    private void RejectStateless(ReadOnlySpan<byte> raw, string detail, in SipInboundContext context)
    {
        LogLimited(context, "invalid", $"malformed request answered 400: {detail}");
        var response = SipStatelessResponse.CreateBadRequest(raw, detail);
        if (response is null)
        {
            return;
        }

        var remote = context.Remote;
        _ = SendStatelessBytesAsync(context.Transport, remote, response);
    }

    private async Task SendStatelessBytesAsync(ISipTransport transport, IPEndPoint remote, byte[] data)
    {
        try
        {
            await transport.SendAsync(remote, data);
        }
        catch (Exception ex)
        {
            if (_logLimiter.ShouldLog(remote.Address + "|send"))
            {
                _logger.LogWarning(ex, "SIP: sending a 400 to {Remote} failed", remote);
            }
        }
    }

    private void LogLimited(in SipInboundContext context, string category, string detail)
    {
        if (_logLimiter.ShouldLog(context.Remote.Address + "|" + category))
        {
            _logger.LogInformation("SIP: {Category} from {Remote}: {Detail}", category, context.Remote, detail);
        }
    }
}
