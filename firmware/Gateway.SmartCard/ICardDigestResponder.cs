namespace Gateway.SmartCard;

/// <summary>Computes SIP digest responses for the inserted card's account without exposing its secret.</summary>
public interface ICardDigestResponder
{
    /// <summary>Computes the <c>response</c> parameter for one challenge.</summary>
    /// <param name="input">The challenge and request values.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The response as lowercase hex.</returns>
    /// <exception cref="CardRemovedException">The card was removed.</exception>
    /// <exception cref="ObjectDisposedException">The session has ended.</exception>
    ValueTask<string> ComputeResponseAsync(DigestChallengeInput input, CancellationToken ct);
}
