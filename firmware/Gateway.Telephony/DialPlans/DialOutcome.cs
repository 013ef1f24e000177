namespace Gateway.Telephony.DialPlans;

/// <summary>The end of one dialling attempt.</summary>
/// <param name="Kind">Dial or no match.</param>
/// <param name="Number">The number to dial after the plan's substitutions and speed dials; empty for no match.</param>
/// <param name="Keyed">The keys as pressed.</param>
public sealed record DialOutcome(DialOutcomeKind Kind, string Number, string Keyed);
