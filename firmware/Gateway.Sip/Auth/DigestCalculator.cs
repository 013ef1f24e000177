using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Gateway.Sip.Auth;

/// <summary>The digest formulas of RFC 7616 §3.4.1–§3.4.4 (and RFC 2069 when qop is absent).</summary>
public static class DigestCalculator
{
    /// <summary>H(data) as lower-case hex.</summary>
    /// <param name="hash">The hash function.</param>
    /// <param name="data">The UTF-8 text to hash.</param>
    /// <returns>The hex digest.</returns>
    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms",
        Justification = "SIP digest (RFC 3261) is defined over MD5 and most servers offer nothing else.")]
    public static string Hash(DigestHashFunction hash, string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var bytes = Encoding.UTF8.GetBytes(data);
        return Convert.ToHexStringLower(hash switch
        {
            DigestHashFunction.Md5 => MD5.HashData(bytes),
            DigestHashFunction.Sha256 => SHA256.HashData(bytes),
            DigestHashFunction.Sha512T256 => Sha512T256.HashData(bytes),
            _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, "unknown hash function"),
        });
    }

    /// <summary>The raw output length of a hash function: what an HA1 occupies on a card.</summary>
    /// <param name="hash">The hash function.</param>
    /// <returns>16 for MD5, 32 for SHA-256 and SHA-512/256.</returns>
    public static int HashSize(DigestHashFunction hash) => hash switch
    {
        DigestHashFunction.Md5 => 16,
        DigestHashFunction.Sha256 => 32,
        DigestHashFunction.Sha512T256 => Sha512T256.HashSizeInBytes,
        _ => throw new ArgumentOutOfRangeException(nameof(hash), hash, "unknown hash function"),
    };

    /// <summary>The stored HA1: H(username:realm:password), without the -sess step.</summary>
    /// <param name="hash">The hash function.</param>
    /// <param name="username">The plain username.</param>
    /// <param name="realm">The realm.</param>
    /// <param name="password">The password.</param>
    /// <returns>The hex HA1.</returns>
    public static string Ha1(DigestHashFunction hash, string username, string realm, string password)
    {
        ArgumentNullException.ThrowIfNull(username);
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(password);
        return Hash(hash, $"{username}:{realm}:{password}");
    }

    /// <summary>The username parameter sent with userhash=true: H(username:realm) (RFC 7616 §3.4.4).</summary>
    /// <param name="hash">The hash function.</param>
    /// <param name="username">The plain username.</param>
    /// <param name="realm">The realm.</param>
    /// <returns>The hex value.</returns>
    public static string UserHash(DigestHashFunction hash, string username, string realm) =>
        Hash(hash, $"{username}:{realm}");

    /// <summary>The request-digest from a stored HA1.</summary>
    /// <param name="request">The request.</param>
    /// <param name="storedHa1">H(username:realm:password) for the request's hash function.</param>
    /// <returns>The hex response.</returns>
    /// <exception cref="ArgumentException">qop or a -sess algorithm is used without cnonce/nc.</exception>
    public static string Response(DigestRequest request, string storedHa1)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrEmpty(storedHa1);
        var hash = request.Algorithm.Hash;
        var ha1 = storedHa1.ToLowerInvariant();
        if (request.Algorithm.Session)
        {
            ha1 = Hash(hash, $"{ha1}:{request.Nonce}:{Require(request.Cnonce, "cnonce")}");
        }

        var ha2 = Hash(hash, $"{request.Method}:{request.DigestUri}");
        return request.Qop is null
            ? Hash(hash, $"{ha1}:{request.Nonce}:{ha2}")
            : Hash(hash, $"{ha1}:{request.Nonce}:{Require(request.NonceCount, "nc")}:{Require(request.Cnonce, "cnonce")}:{request.Qop}:{ha2}");
    }

    /// <summary>
    /// The request-digest from a stored HA1 held as raw bytes (a storage card's). The hex form of HA1 is as secret as
    /// HA1 itself, so it never becomes a string: it is written into a pinned scratch buffer that is zeroed before
    /// returning, and the caller can zero its own bytes when the card goes.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="storedHa1">Raw H(username:realm:password), <see cref="HashSize"/> bytes of the request's hash function.</param>
    /// <returns>The hex response (not secret).</returns>
    /// <exception cref="ArgumentException">The HA1 has the wrong length, or qop or -sess is used without cnonce/nc.</exception>
    public static string Response(DigestRequest request, ReadOnlySpan<byte> storedHa1)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hash = request.Algorithm.Hash;
        var size = HashSize(hash);
        if (storedHa1.Length != size)
        {
            throw new ArgumentException($"the {hash} HA1 must be {size} bytes", nameof(storedHa1));
        }

        var ha2 = Hash(hash, $"{request.Method}:{request.DigestUri}");
        var tail = request.Qop is null
            ? $":{request.Nonce}:{ha2}"
            : $":{request.Nonce}:{Require(request.NonceCount, "nc")}:{Require(request.Cnonce, "cnonce")}:{request.Qop}:{ha2}";
        var sessionTail = request.Algorithm.Session ? $":{request.Nonce}:{Require(request.Cnonce, "cnonce")}" : string.Empty;
        var hexLength = 2 * size;
        var scratch = GC.AllocateUninitializedArray<byte>(
            hexLength + Math.Max(Encoding.UTF8.GetByteCount(tail), Encoding.UTF8.GetByteCount(sessionTail)), pinned: true);
        Span<byte> digest = stackalloc byte[size];
        try
        {
            WriteLowerHex(storedHa1, scratch);
            if (request.Algorithm.Session)
            {
                var length = hexLength + Encoding.UTF8.GetBytes(sessionTail, scratch.AsSpan(hexLength));
                HashInto(hash, scratch.AsSpan(0, length), digest);
                WriteLowerHex(digest, scratch);
            }

            var total = hexLength + Encoding.UTF8.GetBytes(tail, scratch.AsSpan(hexLength));
            HashInto(hash, scratch.AsSpan(0, total), digest);
            return Convert.ToHexStringLower(digest);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(scratch);
            CryptographicOperations.ZeroMemory(digest);
        }
    }

    [SuppressMessage("Security", "CA5351:Do Not Use Broken Cryptographic Algorithms",
        Justification = "SIP digest (RFC 3261) is defined over MD5 and most servers offer nothing else.")]
    private static void HashInto(DigestHashFunction hash, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        switch (hash)
        {
            case DigestHashFunction.Md5:
                MD5.HashData(data, destination);
                break;
            case DigestHashFunction.Sha256:
                SHA256.HashData(data, destination);
                break;
            case DigestHashFunction.Sha512T256:
                var result = Sha512T256.HashData(data);
                result.CopyTo(destination);
                CryptographicOperations.ZeroMemory(result);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(hash), hash, "unknown hash function");
        }
    }

    private static void WriteLowerHex(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        for (var i = 0; i < value.Length; i++)
        {
            destination[2 * i] = (byte)"0123456789abcdef"[value[i] >> 4];
            destination[(2 * i) + 1] = (byte)"0123456789abcdef"[value[i] & 0xF];
        }
    }

    private static string Require(string? value, string name) =>
        string.IsNullOrEmpty(value) ? throw new ArgumentException($"{name} is required for this qop/algorithm", nameof(value)) : value;
}
