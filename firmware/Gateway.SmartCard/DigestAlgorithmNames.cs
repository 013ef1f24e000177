using System.Diagnostics.CodeAnalysis;

namespace Gateway.SmartCard;

/// <summary>Maps <see cref="DigestAlgorithm"/> to and from the RFC 7616 token.</summary>
public static class DigestAlgorithmNames
{
    /// <summary>The token used in SIP and on the card for <paramref name="algorithm"/>.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns><c>MD5</c>, <c>SHA-256</c> or <c>SHA-512-256</c>.</returns>
    public static string ToToken(DigestAlgorithm algorithm) => algorithm switch
    {
        DigestAlgorithm.Md5 => "MD5",
        DigestAlgorithm.Sha256 => "SHA-256",
        DigestAlgorithm.Sha512T256 => "SHA-512-256",
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>Parses an RFC 7616 algorithm token (case-insensitive; absent means MD5 per RFC 2617).</summary>
    /// <param name="token">The token, or null/empty for MD5.</param>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns>False for unknown tokens and for the <c>-sess</c> variants.</returns>
    public static bool TryParse(string? token, [NotNullWhen(true)] out DigestAlgorithm? algorithm)
    {
        algorithm = token?.ToUpperInvariant() switch
        {
            null or "" or "MD5" => DigestAlgorithm.Md5,
            "SHA-256" => DigestAlgorithm.Sha256,
            "SHA-512-256" => DigestAlgorithm.Sha512T256,
            _ => null,
        };
        return algorithm is not null;
    }

    /// <summary>The hash output length in bytes.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns>16 or 32.</returns>
    public static int HashSize(DigestAlgorithm algorithm) => algorithm == DigestAlgorithm.Md5 ? 16 : 32;
}
