namespace Gateway.Sip.Auth;

/// <summary>
/// Answers from stored HA1 values, one per hash function (the "storage card" case: the card holds
/// H(username:realm:password), never the password). Only challenges for its own username and realm are answered.
/// </summary>
public sealed class Ha1DigestResponder : IDigestResponder
{
    private readonly string _username;
    private readonly string _realm;
    private readonly Dictionary<DigestHashFunction, string> _ha1;

    /// <summary>Creates a responder.</summary>
    /// <param name="username">The plain username the HA1 values were computed with.</param>
    /// <param name="realm">The realm they were computed with.</param>
    /// <param name="ha1ByHash">Hex HA1 per hash function; at least one.</param>
    /// <exception cref="ArgumentException">No HA1 is given, or one has the wrong length or is not hex.</exception>
    public Ha1DigestResponder(string username, string realm, IReadOnlyDictionary<DigestHashFunction, string> ha1ByHash)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(realm);
        ArgumentNullException.ThrowIfNull(ha1ByHash);
        if (ha1ByHash.Count == 0)
        {
            throw new ArgumentException("at least one HA1 is required", nameof(ha1ByHash));
        }

        foreach (var (hash, value) in ha1ByHash)
        {
            var expected = hash == DigestHashFunction.Md5 ? 32 : 64;
            if (value is null || value.Length != expected || !value.All(char.IsAsciiHexDigit))
            {
                throw new ArgumentException($"the {hash} HA1 must be {expected} hex digits", nameof(ha1ByHash));
            }
        }

        _username = username;
        _realm = realm;
        _ha1 = new Dictionary<DigestHashFunction, string>(ha1ByHash);
    }

    /// <inheritdoc/>
    /// <remarks>False: one hash over values held in memory.</remarks>
    public bool MayBlock => false;

    /// <inheritdoc/>
    public bool Supports(DigestHashFunction hash) => _ha1.ContainsKey(hash);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The request is for another username or realm, or a hash with no stored HA1.</exception>
    public ValueTask<DigestResponse> RespondAsync(DigestRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ct.ThrowIfCancellationRequested();
        if (!string.Equals(request.Username, _username, StringComparison.Ordinal) || !string.Equals(request.Realm, _realm, StringComparison.Ordinal))
        {
            // An HA1 is bound to its user and realm; answering another realm would only produce a wrong digest.
            throw new ArgumentException($"the stored HA1 is for '{_username}' in realm '{_realm}'", nameof(request));
        }

        if (!_ha1.TryGetValue(request.Algorithm.Hash, out var ha1))
        {
            throw new ArgumentException($"no {request.Algorithm.Hash} HA1 is stored", nameof(request));
        }

        return ValueTask.FromResult(new DigestResponse(DigestCalculator.Response(request, ha1)));
    }
}
