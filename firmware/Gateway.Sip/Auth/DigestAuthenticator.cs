using System.Globalization;
using System.Security.Cryptography;
using Gateway.Sip.Headers;
using Gateway.Sip.Message;

namespace Gateway.Sip.Auth;

/// <summary>
/// The UAC side of SIP digest authentication (RFC 3261 §22, RFC 7616, RFC 8760): turns a 401/407 into
/// Authorization / Proxy-Authorization values, with the digest computed by an <see cref="IDigestResponder"/>.
/// One instance per account; it remembers the nonce count of each nonce it has answered. Thread-safe.
/// </summary>
public sealed class DigestAuthenticator
{
    // A server hands out a new nonce every few minutes; old counters are useless, so the table is simply reset.
    private const int MaxRememberedNonces = 64;

    private readonly string _username;
    private readonly IDigestResponder _responder;
    private readonly Func<string> _cnonceFactory;
    private readonly Dictionary<string, uint> _nonceCounts = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Creates an authenticator with random cnonces.</summary>
    /// <param name="username">The plain digest username.</param>
    /// <param name="responder">Computes the responses.</param>
    public DigestAuthenticator(string username, IDigestResponder responder)
        : this(username, responder, RandomCnonce)
    {
    }

    /// <summary>Creates an authenticator with a given cnonce source (for reproducible tests).</summary>
    /// <param name="username">The plain digest username.</param>
    /// <param name="responder">Computes the responses.</param>
    /// <param name="cnonceFactory">Returns a fresh cnonce on every call.</param>
    public DigestAuthenticator(string username, IDigestResponder responder, Func<string> cnonceFactory)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(responder);
        ArgumentNullException.ThrowIfNull(cnonceFactory);
        _username = username;
        _responder = responder;
        _cnonceFactory = cnonceFactory;
    }

    /// <summary>Whether answering a challenge may hold the calling thread (see <see cref="IDigestResponder.MayBlock"/>).</summary>
    internal bool ResponderMayBlock => _responder.MayBlock;

    /// <summary>Decides whether to retry <paramref name="request"/> after <paramref name="response"/>, and with which credentials.</summary>
    /// <param name="response">The 401 or 407 (all its challenges are considered).</param>
    /// <param name="request">The request that was challenged; any credentials it carried show whether they were rejected.</param>
    /// <param name="ct">Cancels the responder.</param>
    /// <returns>The decision; never throws for bad challenge text.</returns>
    public ValueTask<DigestAuthorization> AuthorizeAsync(SipResponse response, SipRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(request);
        var sent = new List<SipAuthCredentials>();
        foreach (var line in request.GetValues(response.StatusCode == 407 ? "Proxy-Authorization" : "Authorization"))
        {
            try
            {
                sent.Add(SipAuthCredentials.Parse(line.Memory, 0));
            }
            catch (SipParseException)
            {
                // Credentials we cannot read cannot have been accepted or rejected; answer afresh.
            }
        }

        return AuthorizeAsync(response, request.Method.ToString(), request.RequestUriText.ToString(), sent, ct);
    }

    /// <summary>Decides whether to retry a request after <paramref name="response"/>, for callers that hold the request unparsed.</summary>
    /// <param name="response">The 401 or 407.</param>
    /// <param name="method">The request method.</param>
    /// <param name="digestUri">The Request-URI, used as digest-uri.</param>
    /// <param name="sentCredentials">The Authorization (401) or Proxy-Authorization (407) values the challenged request carried.</param>
    /// <param name="ct">Cancels the responder.</param>
    /// <returns>The decision; never throws for bad challenge text.</returns>
    /// <exception cref="InvalidOperationException">The responder returned something other than a hex digest of the right length.</exception>
    public async ValueTask<DigestAuthorization> AuthorizeAsync(
        SipResponse response, string method, string digestUri, IReadOnlyList<SipAuthCredentials> sentCredentials, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentException.ThrowIfNullOrEmpty(digestUri);
        ArgumentNullException.ThrowIfNull(sentCredentials);
        var (challengeHeader, credentialsHeader) = response.StatusCode switch
        {
            401 => ("WWW-Authenticate", "Authorization"),
            407 => ("Proxy-Authenticate", "Proxy-Authorization"),
            _ => (string.Empty, string.Empty),
        };
        if (challengeHeader.Length == 0)
        {
            return DigestAuthorization.Fail(DigestOutcome.NotAChallenge, string.Empty, $"status {response.StatusCode} is not a 401 or 407");
        }

        var (chosen, rejections, digestCount) = DigestChallengeSelector.Select(response.GetValues(challengeHeader), _responder.Supports);
        if (chosen.Count == 0)
        {
            return digestCount == 0 && rejections.Count == 0
                ? DigestAuthorization.Fail(DigestOutcome.NoChallenge, credentialsHeader, $"{response.StatusCode} without a Digest {challengeHeader} challenge")
                : DigestAuthorization.Fail(DigestOutcome.NoSupportedChallenge, credentialsHeader, $"no usable {challengeHeader} challenge: {string.Join("; ", rejections)}");
        }

        var previous = SentNonces(sentCredentials);
        var anyStale = false;
        foreach (var candidate in chosen)
        {
            if (previous.TryGetValue(candidate.RawRealm, out var sentNonce))
            {
                // stale=true means the digest was right but the nonce had expired (RFC 7616 §3.3).
                if (!candidate.Challenge.Stale || string.Equals(sentNonce, candidate.RawNonce, StringComparison.Ordinal))
                {
                    return DigestAuthorization.Fail(DigestOutcome.CredentialsRejected, credentialsHeader,
                        $"credentials for \"{candidate.RawRealm}\" were rejected (challenged again without stale=true)");
                }

                anyStale = true;
            }
        }

        var values = new List<string>(chosen.Count);
        foreach (var candidate in chosen)
        {
            values.Add(await AnswerAsync(candidate, method, digestUri, ct));
        }

        return new DigestAuthorization { Outcome = DigestOutcome.Retry, HeaderName = credentialsHeader, HeaderValues = values, IsStaleRetry = anyStale };
    }

    private async ValueTask<string> AnswerAsync(DigestCandidate candidate, string method, string digestUri, CancellationToken ct)
    {
        var challenge = candidate.Challenge;
        var realm = DigestQuoting.Unescape(candidate.RawRealm);
        var useCnonce = candidate.Qop is not null || candidate.Algorithm.Session;
        var request = new DigestRequest
        {
            Algorithm = candidate.Algorithm,
            Username = _username,
            Realm = realm,
            Nonce = DigestQuoting.Unescape(candidate.RawNonce),
            Method = method,
            DigestUri = digestUri,
            Qop = candidate.Qop,
            NonceCount = candidate.Qop is null ? null : NextNonceCount(candidate.RawNonce),
            Cnonce = useCnonce ? _cnonceFactory() : null,
            UserHash = challenge.UserHash,
        };
        var response = await _responder.RespondAsync(request, ct);
        var expectedLength = request.Algorithm.Hash == DigestHashFunction.Md5 ? 32 : 64;
        if (response?.Response is not { } digest || digest.Length != expectedLength || !digest.All(char.IsAsciiHexDigit))
        {
            // A faulty card must not smuggle quotes or separators into the header.
            throw new InvalidOperationException($"the digest responder returned no {expectedLength}-digit hex response for {request.Algorithm.Name}");
        }

        var username = request.UserHash ? DigestCalculator.UserHash(request.Algorithm.Hash, _username, realm) : _username;
        return DigestCredentialsFormatter.Format(request, username, candidate.RawRealm, candidate.RawNonce, challenge.Opaque, digest.ToLowerInvariant());
    }

    private string NextNonceCount(string nonce)
    {
        lock (_lock)
        {
            if (!_nonceCounts.TryGetValue(nonce, out var count) && _nonceCounts.Count >= MaxRememberedNonces)
            {
                _nonceCounts.Clear();
            }

            _nonceCounts[nonce] = ++count;
            return count.ToString("x8", CultureInfo.InvariantCulture);
        }
    }

    private static Dictionary<string, string> SentNonces(IReadOnlyList<SipAuthCredentials> sentCredentials)
    {
        var sent = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var credentials in sentCredentials)
        {
            if (credentials.IsDigest && credentials.Realm is { } realm && credentials.Nonce is { } nonce)
            {
                sent[realm] = nonce;
            }
        }

        return sent;
    }

    private static string RandomCnonce() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
