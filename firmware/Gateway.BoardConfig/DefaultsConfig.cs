namespace Gateway.BoardConfig;

/// <summary>Board-wide defaults; a station may override the ring cadence.</summary>
public sealed class DefaultsConfig
{
    /// <summary>Gets the default ring cadence name; default <c>us-standard</c>.</summary>
    public string RingCadence { get; set; } = "us-standard";

    /// <summary>Gets the codecs offered, in order of preference; default PCMU, PCMA.</summary>
    public IReadOnlyList<string> Codecs { get; set; } = ["PCMU", "PCMA"];

    /// <summary>Gets the call-progress tone plan name; default <c>us</c>.</summary>
    public string TonePlan { get; set; } = "us";

    /// <summary>
    /// Gets what a call in progress does when its user's card is pulled: <see cref="CardRemovalKeepUntilHangup"/>
    /// (the default: the call goes on until on-hook) or <see cref="CardRemovalEndCall"/>.
    /// </summary>
    public string CardRemoval { get; set; } = CardRemovalKeepUntilHangup;

    /// <summary>
    /// Gets how many seconds a handset left off-hook hears reorder or busy before the off-hook warning tone; 0 turns
    /// the warning off; default 30.
    /// </summary>
    public int OffHookWarningSeconds { get; set; } = 30;

    /// <summary>The <see cref="CardRemoval"/> value that lets the call go on until on-hook.</summary>
    public const string CardRemovalKeepUntilHangup = "keep-until-hangup";

    /// <summary>The <see cref="CardRemoval"/> value that ends the call at once.</summary>
    public const string CardRemovalEndCall = "end-call";
}
