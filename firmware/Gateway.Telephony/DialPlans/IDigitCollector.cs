namespace Gateway.Telephony.DialPlans;

/// <summary>
/// Collects the digits of one dialling attempt and decides, by the dial plan, when the number is complete: at once
/// on a complete match or '#', else when the inter-digit timer runs out.
/// </summary>
/// <remarks><see cref="Completed"/> may be raised on a timer thread; the station marshals it into its own loop.</remarks>
public interface IDigitCollector : IDisposable
{
    /// <summary>Raised once per attempt: a number to dial, or no match (the caller hears reorder).</summary>
    event EventHandler<DialOutcome>? Completed;

    /// <summary>Gets the keys collected so far, as pressed.</summary>
    string Digits { get; }

    /// <summary>Adds a key (0-9, *, #; A-D are ignored by most plans).</summary>
    /// <param name="key">The key.</param>
    void Add(char key);

    /// <summary>Forgets the digits and stops the timers (on-hook, flash, or after <see cref="Completed"/>).</summary>
    void Reset();
}
