using System.Security.Cryptography;
using System.Text;

namespace Gateway.SmartCard;

/// <summary>
/// RFC 7616 digest arithmetic shared by the card applet (virtual card) and by the gateway for storage cards.
/// HA1 is handled as raw bytes so callers can zero it; it is hex-encoded only inside a buffer this class clears.
/// </summary>
public static class DigestCalculator
{
    /// <summary>Hashes <paramref name="data"/> with <paramref name="algorithm"/>.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <param name="data">Input bytes.</param>
    /// <returns>The raw hash.</returns>
    public static byte[] Hash(DigestAlgorithm algorithm, ReadOnlySpan<byte> data) => algorithm switch
    {
#pragma warning disable CA5351 // MD5 is what SIP digest (RFC 2617/7616) mandates; it is not our choice of primitive.
        DigestAlgorithm.Md5 => MD5.HashData(data),
#pragma warning restore CA5351
        DigestAlgorithm.Sha256 => SHA256.HashData(data),
        DigestAlgorithm.Sha512T256 => Sha512T256.Hash(data),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>HA1 = H(user ":" realm ":" password), raw bytes (personalization only; the gateway never has the password).</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <param name="user">Digest username.</param>
    /// <param name="realm">Realm.</param>
    /// <param name="password">Password.</param>
    /// <returns>Raw HA1.</returns>
    public static byte[] ComputeHa1(DigestAlgorithm algorithm, string user, string realm, string password)
    {
        var input = Encoding.UTF8.GetBytes($"{user}:{realm}:{password}");
        try
        {
            return Hash(algorithm, input);
        }
        finally
        {
            Array.Clear(input);
        }
    }

    /// <summary>Computes the raw digest response from a raw HA1.</summary>
    /// <param name="algorithm">The algorithm HA1 belongs to.</param>
    /// <param name="ha1">Raw HA1 (16 or 32 bytes).</param>
    /// <param name="input">The challenge values; <see cref="DigestChallengeInput.Algorithm"/> and Realm are not re-checked here.</param>
    /// <returns>The raw response hash.</returns>
    /// <exception cref="ArgumentException">qop is not <c>auth</c>, or qop is given without nc/cnonce.</exception>
    public static byte[] ComputeResponse(DigestAlgorithm algorithm, ReadOnlySpan<byte> ha1, DigestChallengeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var withQop = !string.IsNullOrEmpty(input.Qop);
        if (withQop && (input.Qop != "auth" || string.IsNullOrEmpty(input.Nc) || string.IsNullOrEmpty(input.Cnonce)))
        {
            throw new ArgumentException("Only qop=auth with nc and cnonce, or no qop, is supported.", nameof(input));
        }

        var ha2Hex = Convert.ToHexStringLower(Hash(algorithm, Encoding.UTF8.GetBytes($"{input.Method}:{input.DigestUri}")));
        var tail = withQop
            ? $":{input.Nonce}:{input.Nc}:{input.Cnonce}:{input.Qop}:{ha2Hex}"
            : $":{input.Nonce}:{ha2Hex}";
        var tailBytes = Encoding.UTF8.GetBytes(tail);
        var buffer = new byte[(ha1.Length * 2) + tailBytes.Length];
        try
        {
            WriteLowerHex(ha1, buffer);
            tailBytes.CopyTo(buffer, ha1.Length * 2);
            return Hash(algorithm, buffer);
        }
        finally
        {
            Array.Clear(buffer);
        }
    }

    /// <summary>Parses the algorithm token of <paramref name="input"/>.</summary>
    /// <param name="input">The challenge values.</param>
    /// <returns>The algorithm.</returns>
    /// <exception cref="NotSupportedException">Unknown or -sess algorithm.</exception>
    public static DigestAlgorithm ParseAlgorithm(DigestChallengeInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return DigestAlgorithmNames.TryParse(input.Algorithm, out var algorithm)
            ? algorithm.Value
            : throw new NotSupportedException($"Digest algorithm '{input.Algorithm}' is not supported.");
    }

    private static void WriteLowerHex(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        const string digits = "0123456789abcdef";
        for (var i = 0; i < source.Length; i++)
        {
            destination[2 * i] = (byte)digits[source[i] >> 4];
            destination[(2 * i) + 1] = (byte)digits[source[i] & 0xF];
        }
    }
}
