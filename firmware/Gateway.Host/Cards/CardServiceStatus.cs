namespace Gateway.Host.Cards;

/// <summary>Holds the latest <see cref="CardServiceSnapshot"/>: written by <see cref="CardService"/>, read by the status route.</summary>
public sealed class CardServiceStatus
{
    private volatile CardServiceSnapshot _current = new(false, null, null);

    /// <summary>Gets the latest state.</summary>
    public CardServiceSnapshot Current => _current;

    /// <summary>Replaces the state.</summary>
    /// <param name="snapshot">The new state.</param>
    internal void Set(CardServiceSnapshot snapshot) => _current = snapshot;
}
