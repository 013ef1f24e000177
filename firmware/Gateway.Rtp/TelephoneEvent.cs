using System.Buffers.Binary;

namespace Gateway.Rtp;

/// <summary>
/// An RFC 4733 telephone-event payload: event code (0–9, 10 '*', 11 '#', 12–15 A–D, others tones), end bit,
/// volume in −dBm0 (0–63) and duration in timestamp units since the event began.
/// </summary>
/// <param name="Event">The event code.</param>
/// <param name="End">The E bit: this is (a retransmission of) the last packet of the event.</param>
/// <param name="Volume">Power level as 0..63, meaning 0 to −63 dBm0.</param>
/// <param name="Duration">Duration so far in RTP timestamp units.</param>
public readonly record struct TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration)
{
    /// <summary>Length of one event payload.</summary>
    public const int Length = 4;

    /// <summary>Reads the first event of a payload; false when it is shorter than 4 octets.</summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out TelephoneEvent value)
    {
        if (payload.Length < Length)
        {
            value = default;
            return false;
        }

        value = new TelephoneEvent(payload[0], (payload[1] & 0x80) != 0, (byte)(payload[1] & 0x3F), BinaryPrimitives.ReadUInt16BigEndian(payload[2..]));
        return true;
    }

    /// <summary>Writes the event; the reserved bit is zero.</summary>
    /// <returns>The 4 octets written.</returns>
    public int Write(Span<byte> destination)
    {
        if (Volume > 63)
        {
            throw new InvalidOperationException("volume is 6 bits");
        }

        if (destination.Length < Length)
        {
            throw new ArgumentException("needs 4 octets", nameof(destination));
        }

        destination[0] = Event;
        destination[1] = (byte)((End ? 0x80 : 0) | Volume);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Duration);
        return Length;
    }

    /// <summary>The DTMF digit of the event (0-9, *, #, A-D), or null for other events.</summary>
    public char? Digit => Event switch
    {
        <= 9 => (char)('0' + Event),
        10 => '*',
        11 => '#',
        <= 15 => (char)('A' + Event - 12),
        _ => null,
    };
}
