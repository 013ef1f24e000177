using Gateway.Media.Sessions;
using Gateway.Telephony.Accounts;
using Gateway.Telephony.DialPlans;

namespace Gateway.Telephony.Calls;

/// <summary>
/// What a station needs to make and take calls. The host builds one per station once the network side exists and
/// hands it to <see cref="Stations.Station.AttachTelephony"/>; until then the station only shows and reports its devices.
/// </summary>
/// <param name="Audio">The station's audio path (tones, caller ID, call media).</param>
/// <param name="Placer">Sends INVITEs as the card user or as the box.</param>
/// <param name="DigitCollectors">Makes the digit collector of one dialling attempt, for the user at the station (null = pay-phone).</param>
/// <param name="Cadences">Chooses ring cadences (its default is the station's or the board's).</param>
/// <param name="PayPhone">What may be dialled without a card.</param>
public sealed record StationTelephony(
    IStationAudio Audio,
    IOutboundCallPlacer Placer,
    Func<FollowMeAccount?, IDigitCollector> DigitCollectors,
    RingCadenceSelector Cadences,
    PayPhonePolicy PayPhone)
{
    /// <summary>Gets what a call in progress does when its card is removed.</summary>
    public CardRemovalPolicy CardRemoval { get; init; } = CardRemovalPolicy.KeepUntilHangup;

    /// <summary>
    /// Gets how long a handset left off-hook hears reorder or busy (after a failed or ended call, or dial tone that
    /// timed out) before the off-hook warning tone; zero or less turns the warning off.
    /// </summary>
    public TimeSpan OffHookWarningAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Gets the board's codecs by preference, used after the card's own.</summary>
    public IReadOnlyList<string> DefaultCodecs { get; init; } = ["PCMU", "PCMA"];
}
