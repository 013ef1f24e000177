namespace Gateway.Sip.Auth;

/// <summary>
/// Answers from a clear-text password. For tests and tools only: on a phone the password never
/// leaves the card. Nothing here logs or formats the password.
/// </summary>
public sealed class PasswordDigestResponder : IDigestResponder
{
    private readonly string _username;
    private readonly string _password;

    /// <summary>Creates a responder.</summary>
    /// <param name="username">The plain username the password belongs to.</param>
    /// <param name="password">The password.</param>
    public PasswordDigestResponder(string username, string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(username);
        ArgumentNullException.ThrowIfNull(password);
        _username = username;
        _password = password;
    }

    /// <inheritdoc/>
    /// <remarks>False: two hashes over values held in memory.</remarks>
    public bool MayBlock => false;

    /// <inheritdoc/>
    public bool Supports(DigestHashFunction hash) => Enum.IsDefined(hash);

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The request is for another username.</exception>
    public ValueTask<DigestResponse> RespondAsync(DigestRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        ct.ThrowIfCancellationRequested();
        if (!string.Equals(request.Username, _username, StringComparison.Ordinal))
        {
            throw new ArgumentException($"this responder holds the password of '{_username}', not '{request.Username}'", nameof(request));
        }

        var ha1 = DigestCalculator.Ha1(request.Algorithm.Hash, _username, request.Realm, _password);
        return ValueTask.FromResult(new DigestResponse(DigestCalculator.Response(request, ha1)));
    }

    /// <inheritdoc/>
    public override string ToString() => $"{nameof(PasswordDigestResponder)}({_username})";
}
