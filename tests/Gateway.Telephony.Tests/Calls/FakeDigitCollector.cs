using Gateway.Telephony.Accounts;
using Gateway.Telephony.DialPlans;

namespace Gateway.Telephony.Tests.Calls;

/// <summary>
/// A tiny dial plan: '#' ends the number; "00#" or any letter is no match; with a card, speed dial "*1#" is the
/// card's first speed dial target. The real digit-map collector is built elsewhere.
/// </summary>
internal sealed class FakeDigitCollector(FollowMeAccount? account) : IDigitCollector
{
    public event EventHandler<DialOutcome>? Completed;

    public FollowMeAccount? Account { get; } = account;

    public string Digits { get; private set; } = string.Empty;

    public bool Disposed { get; private set; }

    public void Add(char key)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        if (key != '#')
        {
            Digits += key;
            return;
        }

        var keyed = Digits + "#";
        var number = Digits == "*1" && Account?.Profile.SpeedDials.Count > 0 ? Account.Profile.SpeedDials[0].Number : Digits;
        var noMatch = number.Length == 0 || number == "00" || number.Any(char.IsAsciiLetter);
        Completed?.Invoke(this, new DialOutcome(noMatch ? DialOutcomeKind.NoMatch : DialOutcomeKind.Dial, noMatch ? string.Empty : number, keyed));
    }

    /// <summary>What the inter-digit timer does: completes on a timer thread with whatever was keyed.</summary>
    public void TimeOut() => Task.Run(() => Completed?.Invoke(this, new DialOutcome(DialOutcomeKind.Dial, Digits, Digits)));

    public void Reset() => Digits = string.Empty;

    public void Dispose() => Disposed = true;
}
