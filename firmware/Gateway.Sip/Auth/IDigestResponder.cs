namespace Gateway.Sip.Auth;

/// <summary>
/// Computes digest responses, so the SIP stack never holds the password or HA1: a smart card, a stored
/// HA1, or (for tests and tools) a password.
/// </summary>
public interface IDigestResponder
{
    /// <summary>True when this responder can answer challenges using that hash function.</summary>
    /// <param name="hash">The hash function.</param>
    /// <returns>Whether it is supported.</returns>
    bool Supports(DigestHashFunction hash);

    /// <summary>
    /// True when <see cref="RespondAsync"/> may hold its calling thread, as a smart card's synchronous transmit does.
    /// The stack then answers challenges away from the transport's receive thread; a responder that only computes
    /// a hash (false) is called on it directly, which saves a thread hop per challenge.
    /// </summary>
    bool MayBlock { get; }

    /// <summary>Computes the request-digest.</summary>
    /// <param name="request">The challenge data and request details.</param>
    /// <param name="ct">Cancels the operation (a card may take tens of milliseconds).</param>
    /// <returns>The response.</returns>
    ValueTask<DigestResponse> RespondAsync(DigestRequest request, CancellationToken ct);
}
