using System.Diagnostics.CodeAnalysis;

namespace Gateway.Sip.Auth;

/// <summary>A digest algorithm as named in the <c>algorithm</c> parameter (RFC 7616 §3.3, RFC 8760).</summary>
/// <param name="Hash">The hash function.</param>
/// <param name="Session">True for the "-sess" variant, whose HA1 also covers nonce and cnonce.</param>
public readonly record struct DigestAlgorithm(DigestHashFunction Hash, bool Session)
{
    /// <summary>MD5.</summary>
    public static DigestAlgorithm Md5 => new(DigestHashFunction.Md5, false);

    /// <summary>MD5-sess.</summary>
    public static DigestAlgorithm Md5Sess => new(DigestHashFunction.Md5, true);

    /// <summary>SHA-256.</summary>
    public static DigestAlgorithm Sha256 => new(DigestHashFunction.Sha256, false);

    /// <summary>SHA-256-sess.</summary>
    public static DigestAlgorithm Sha256Sess => new(DigestHashFunction.Sha256, true);

    /// <summary>SHA-512-256.</summary>
    public static DigestAlgorithm Sha512T256 => new(DigestHashFunction.Sha512T256, false);

    /// <summary>SHA-512-256-sess.</summary>
    public static DigestAlgorithm Sha512T256Sess => new(DigestHashFunction.Sha512T256, true);

    /// <summary>The token as it appears on the wire, e.g. "SHA-512-256-sess".</summary>
    public string Name => (Hash switch
    {
        DigestHashFunction.Md5 => "MD5",
        DigestHashFunction.Sha256 => "SHA-256",
        _ => "SHA-512-256",
    }) + (Session ? "-sess" : string.Empty);

    /// <summary>Parses an algorithm token, case-insensitively.</summary>
    /// <param name="name">The token.</param>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns>False for an algorithm this stack does not implement.</returns>
    public static bool TryParse([NotNullWhen(true)] string? name, out DigestAlgorithm algorithm)
    {
        algorithm = default;
        if (name is null)
        {
            return false;
        }

        var session = name.EndsWith("-sess", StringComparison.OrdinalIgnoreCase);
        var hashName = session ? name[..^"-sess".Length] : name;
        DigestHashFunction? hash = hashName.ToUpperInvariant() switch
        {
            "MD5" => DigestHashFunction.Md5,
            "SHA-256" => DigestHashFunction.Sha256,
            "SHA-512-256" => DigestHashFunction.Sha512T256,
            _ => null,
        };
        if (hash is not { } h)
        {
            return false;
        }

        algorithm = new DigestAlgorithm(h, session);
        return true;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}
