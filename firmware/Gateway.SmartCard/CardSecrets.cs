using Gateway.Sip.Auth;

namespace Gateway.SmartCard;

/// <summary>
/// HA1 values per algorithm, kept in byte arrays that <see cref="Dispose"/> zeroes. Used for personalization and,
/// on the gateway, only for storage cards (whose secret is readable by design).
/// </summary>
public sealed class CardSecrets : IDisposable
{
    private readonly Dictionary<DigestHashFunction, byte[]> _ha1 = [];

    /// <summary>The algorithms an HA1 is held for.</summary>
    public IReadOnlyCollection<DigestHashFunction> Algorithms => _ha1.Keys;

    /// <summary>Stores (a copy of) the HA1 for <paramref name="algorithm"/>.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <param name="ha1">Raw HA1 of the algorithm's hash size.</param>
    public void SetHa1(DigestHashFunction algorithm, ReadOnlySpan<byte> ha1)
    {
        if (ha1.Length != DigestCalculator.HashSize(algorithm))
        {
            throw new ArgumentException($"HA1 for {algorithm} must be {DigestCalculator.HashSize(algorithm)} bytes.", nameof(ha1));
        }

        if (_ha1.Remove(algorithm, out var old))
        {
            Array.Clear(old);
        }

        // Pinned, so a compacting GC never leaves an unwiped copy behind; Dispose zeroes the only one.
        var copy = GC.AllocateUninitializedArray<byte>(ha1.Length, pinned: true);
        ha1.CopyTo(copy);
        _ha1[algorithm] = copy;
    }

    /// <summary>Gets the HA1 for <paramref name="algorithm"/> without copying it.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <param name="ha1">The raw HA1 (valid until disposal).</param>
    /// <returns>Whether one is held.</returns>
    public bool TryGetHa1(DigestHashFunction algorithm, out ReadOnlyMemory<byte> ha1)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        var found = _ha1.TryGetValue(algorithm, out var value);
        ha1 = value ?? ReadOnlyMemory<byte>.Empty;
        return found;
    }

    /// <summary>True after <see cref="Dispose"/>.</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>Zeroes and drops every HA1.</summary>
    public void Dispose()
    {
        foreach (var value in _ha1.Values)
        {
            Array.Clear(value);
        }

        _ha1.Clear();
        IsDisposed = true;
    }
}
