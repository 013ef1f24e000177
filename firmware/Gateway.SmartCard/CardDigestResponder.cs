using Gateway.Sip.Auth;

namespace Gateway.SmartCard;

/// <summary>
/// The SIP stack's digest seam for an inserted card: an applet card answers with INTERNAL AUTHENTICATE (the secret
/// stays on the card); a storage card's HA1 is used on the gateway. What is supported follows the card's
/// capabilities (applet) or the HA1 values it carries (storage card).
/// </summary>
public sealed class CardDigestResponder : IDigestResponder
{
    private readonly CardSession _session;

    /// <summary>Creates a responder for the session's card.</summary>
    /// <param name="session">A live card session.</param>
    public CardDigestResponder(CardSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _session = session;
    }

    /// <inheritdoc/>
    /// <remarks>False once the session has ended, so a stale responder never selects a challenge.</remarks>
    public bool Supports(DigestHashFunction hash) => !_session.IsDisposed && _session.InnerResponder.Supports(hash);

    /// <inheritdoc/>
    /// <remarks>True once the session has ended, the answer that is safe when nothing more is known.</remarks>
    public bool MayBlock
    {
        get
        {
            try
            {
                return _session.IsDisposed || _session.InnerResponder.MayBlock;
            }
            catch (ObjectDisposedException)
            {
                // The card was pulled between the two reads.
                return true;
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="CardRemovedException">The card was removed.</exception>
    /// <exception cref="ObjectDisposedException">The session has ended.</exception>
    /// <exception cref="NotSupportedException">The card cannot answer that algorithm.</exception>
    /// <exception cref="CardProtocolException">The card refused the challenge.</exception>
    public ValueTask<DigestResponse> RespondAsync(DigestRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _session.InnerResponder.RespondAsync(request, ct);
    }
}
