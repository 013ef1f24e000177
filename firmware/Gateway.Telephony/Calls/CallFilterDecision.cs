using Gateway.SmartCard;

namespace Gateway.Telephony.Calls;

/// <summary>What the card's call filter decided for one incoming call.</summary>
/// <param name="Action">Ring, reject, forward or voicemail.</param>
/// <param name="Target">
/// The forward number (<see cref="FilterAction.Forward"/>) or voicemail URI (<see cref="FilterAction.Voicemail"/>);
/// null when the card names none, in which case the call is answered 480 instead of redirected.
/// </param>
/// <param name="RuleIndex">The index of the matching rule, or -1 for the card's default action.</param>
public sealed record CallFilterDecision(FilterAction Action, string? Target, int RuleIndex);
