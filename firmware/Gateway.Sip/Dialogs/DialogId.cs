using Gateway.Sip.Message;

namespace Gateway.Sip.Dialogs;

/// <summary>A dialog's identity (RFC 3261 §12): Call-ID, local tag, remote tag, all compared exactly.</summary>
/// <param name="CallId">The Call-ID.</param>
/// <param name="LocalTag">Our tag (From tag of our requests).</param>
/// <param name="RemoteTag">The peer's tag.</param>
public sealed record DialogId(string CallId, string LocalTag, string RemoteTag)
{
    /// <summary>The dialog an inbound request belongs to: its To tag is ours, its From tag the peer's.</summary>
    /// <param name="request">A request with parsed Call-ID, From and To.</param>
    /// <returns>The id, or null when the request has no To tag (it is outside any dialog).</returns>
    public static DialogId? ForIncomingRequest(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var toTag = request.To?.Tag;
        if (toTag is null || request.CallId is not { } callId)
        {
            return null;
        }

        return new DialogId(callId.ToString(), toTag, request.From?.Tag ?? string.Empty);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{CallId};local={LocalTag};remote={RemoteTag}";
}
