namespace Gateway.SmartCard;

/// <summary>Outcome of <see cref="CardSessionFactory.CreateAsync"/>: a session or a rejection reason.</summary>
public sealed class CardSessionResult
{
    private CardSessionResult(CardSession? session, string? reason, int? triesLeft)
    {
        Session = session;
        RejectionReason = reason;
        PinTriesLeft = triesLeft;
    }

    /// <summary>The session when accepted.</summary>
    public CardSession? Session { get; }

    /// <summary>The reason (see <see cref="CardRejectionReasons"/>) when rejected.</summary>
    public string? RejectionReason { get; }

    /// <summary>PIN tries left, for pin-wrong (and 0 for pin-blocked).</summary>
    public int? PinTriesLeft { get; }

    /// <summary>True when a session was created.</summary>
    public bool IsAccepted => Session is not null;

    /// <summary>An accepted result.</summary>
    /// <param name="session">The session.</param>
    /// <returns>The result.</returns>
    public static CardSessionResult Accepted(CardSession session) => new(session, null, null);

    /// <summary>A rejected result.</summary>
    /// <param name="reason">The reason.</param>
    /// <param name="pinTriesLeft">Tries left, for PIN reasons.</param>
    /// <returns>The result.</returns>
    public static CardSessionResult Rejected(string reason, int? pinTriesLeft = null) => new(null, reason, pinTriesLeft);

    /// <inheritdoc/>
    public override string ToString() => IsAccepted ? "accepted" : $"rejected: {RejectionReason}";
}
