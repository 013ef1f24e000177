namespace Gateway.Telephony.DialPlans;

/// <summary>One parsed element of an alternative.</summary>
/// <param name="Keys">The keys it accepts, as bits by <see cref="DigitKeys.IndexOf"/>.</param>
/// <param name="Repeat">Followed by '.': zero or more of it.</param>
/// <param name="Emit">Whether the key it takes goes into the dial string (false inside <c>&lt;a:b&gt;</c>).</param>
internal readonly record struct DigitMapElement(ushort Keys, bool Repeat, bool Emit);
