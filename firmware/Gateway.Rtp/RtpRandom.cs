using System.Security.Cryptography;

namespace Gateway.Rtp;

/// <summary>
/// Random starting values RFC 3550 asks for (§5.1, §8): SSRC, first sequence number and timestamp base, so that
/// streams do not collide and known-plaintext attacks on SRTP get no help. Uses the cryptographic generator.
/// </summary>
public static class RtpRandom
{
    /// <summary>A random SSRC.</summary>
    public static uint NewSsrc() => NextUInt32();

    /// <summary>A random first sequence number, below 2^15 so that the first wrap is far away (as many stacks do).</summary>
    public static ushort NewSequenceNumber() => (ushort)(NextUInt32() & 0x7FFF);

    /// <summary>A random timestamp base.</summary>
    public static uint NewTimestamp() => NextUInt32();

    private static uint NextUInt32()
    {
        Span<byte> bytes = stackalloc byte[4];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt32(bytes);
    }
}
