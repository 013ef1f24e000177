using System.Text;

namespace Gateway.Sip;

/// <summary>
/// A slice of a message buffer (libre's "pl"): text that is decoded only when someone asks for a
/// string. Comparison is byte-wise; use <see cref="EqualsIgnoreCase(string)"/> for tokens.
/// </summary>
public readonly struct SipText : IEquatable<SipText>
{
    private readonly ReadOnlyMemory<byte> _bytes;

    /// <summary>Wraps bytes without copying.</summary>
    /// <param name="bytes">The UTF-8 bytes.</param>
    public SipText(ReadOnlyMemory<byte> bytes) => _bytes = bytes;

    /// <summary>The empty text.</summary>
    public static SipText Empty => default;

    /// <summary>The raw bytes.</summary>
    public ReadOnlyMemory<byte> Memory => _bytes;

    /// <summary>The raw bytes as a span.</summary>
    public ReadOnlySpan<byte> Span => _bytes.Span;

    /// <summary>Length in bytes.</summary>
    public int Length => _bytes.Length;

    /// <summary>True when there are no bytes.</summary>
    public bool IsEmpty => _bytes.IsEmpty;

    /// <summary>Encodes a string as UTF-8 into a new slice.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The slice.</returns>
    public static SipText FromString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new SipText(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Byte-wise equality.</summary>
    public static bool operator ==(SipText left, SipText right) => left.Equals(right);

    /// <summary>Byte-wise inequality.</summary>
    public static bool operator !=(SipText left, SipText right) => !left.Equals(right);

    /// <summary>ASCII case-insensitive comparison with a string, as RFC 3261 requires for tokens.</summary>
    /// <param name="other">The string, ASCII expected.</param>
    /// <returns>True when equal ignoring ASCII case.</returns>
    public bool EqualsIgnoreCase(string other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Ascii.EqualsIgnoreCase(Span, other);
    }

    /// <summary>Case-sensitive comparison with a string.</summary>
    /// <param name="other">The string.</param>
    /// <returns>True when the UTF-8 bytes are equal.</returns>
    public bool EqualsOrdinal(string other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Ascii.Equals(Span, other) || (Encoding.UTF8.GetByteCount(other) == Length && ToString() == other);
    }

    /// <inheritdoc/>
    public bool Equals(SipText other) => Span.SequenceEqual(other.Span);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SipText other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(Span);
        return hash.ToHashCode();
    }

    /// <summary>Decodes the bytes as UTF-8.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Encoding.UTF8.GetString(Span);
}
