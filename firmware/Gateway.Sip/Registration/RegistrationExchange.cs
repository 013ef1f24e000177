using Gateway.Sip.Auth;
using Gateway.Sip.Message;
using Gateway.Sip.Transactions;
using Microsoft.Extensions.Logging;

namespace Gateway.Sip.Registration;

/// <summary>
/// One REGISTER as the user sees it: the request, its answer to a 401/407 (once per fresh challenge, again only
/// for stale=true), and the retry after a 423 with the registrar's Min-Expires.
/// </summary>
internal sealed class RegistrationExchange(
    SipTransactionLayer transactions,
    RegistrationOptions options,
    RegistrationRequestFactory requests,
    DigestAuthenticator? authenticator,
    ILogger logger)
{
    // Challenge, stale challenge, 423, challenge again: more rounds than that mean a registrar in a loop.
    private const int MaxRounds = 6;

    private DigestAuthorization? _prepared;

    /// <summary>The expiry asked for, in seconds; it rises to a 423's Min-Expires and stays there.</summary>
    public uint Requested { get; private set; } = (uint)Math.Clamp(options.RequestedExpiry.TotalSeconds, 1, uint.MaxValue);

    /// <summary>Sends REGISTERs until a final answer.</summary>
    /// <param name="unregister">Ask for Expires: 0 for this contact.</param>
    /// <param name="ct">Stops waiting (the transaction itself runs to its end).</param>
    /// <returns>The outcome.</returns>
    public async Task<RegistrationOutcome> RunAsync(bool unregister, CancellationToken ct)
    {
        // The prepared credentials go with the first unregister: the card that could answer a new challenge may be gone.
        DigestAuthorization? authorization = unregister ? Interlocked.Exchange(ref _prepared, null) : null;
        SipResponse? response = null;
        SipResponse? lastChallenge = null;
        for (var round = 0; round < MaxRounds; round++)
        {
            SipRequest request;
            try
            {
                request = requests.Create(unregister ? 0 : Requested, authorization);
                response = await SendAsync(request, ct);
            }
            catch (InvalidOperationException ex)
            {
                // No transport for the next hop: nothing was sent.
                return RegistrationOutcome.Fail(null, ex.Message);
            }

            var status = response.StatusCode;
            if (status is >= 200 and < 300)
            {
                var granted = unregister ? 0 : RegistrationResponseReader.GrantedExpiry(response, options, Requested);
                if (!unregister && lastChallenge is not null && options.PrepareUnregister)
                {
                    // Before "registered" is reported: a card pulled right after must still find its unregister ready.
                    await PrepareUnregisterAsync(lastChallenge);
                }

                return new RegistrationOutcome(status, TimeSpan.FromSeconds(granted), null);
            }

            if (status is 401 or 407 && authenticator is not null)
            {
                lastChallenge = response;
                try
                {
                    authorization = await authenticator.AuthorizeAsync(response, request, ct);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A card pulled mid-exchange (or a faulty one) ends this attempt, never the registration loop.
                    return RegistrationOutcome.Fail(status, "the digest responder failed: " + ex.Message);
                }

                if (!authorization.ShouldRetry)
                {
                    return RegistrationOutcome.Fail(status, authorization.FailureReason ?? authorization.Outcome.ToString());
                }

                if (authorization.IsStaleRetry)
                {
                    logger.LogInformation("Registration: {Aor} nonce was stale, answering the new one", options.Aor);
                }

                continue;
            }

            if (status == 423 && RegistrationResponseReader.MinExpires(response) is { } min && min > Requested && !unregister)
            {
                logger.LogInformation("Registration: {Aor} interval too brief, asking for Min-Expires {MinExpires}s", options.Aor, min);
                Requested = min;
                // The old credentials were for a request the registrar refused anyway; let it challenge afresh.
                authorization = null;
                continue;
            }

            return RegistrationOutcome.Fail(status, Describe(response));
        }

        return RegistrationOutcome.Fail(response?.StatusCode, $"no final answer after {MaxRounds} REGISTERs");
    }

    private async Task PrepareUnregisterAsync(SipResponse challenge)
    {
        try
        {
            // The digest covers method, Request-URI and nonce, not Expires: the same answer serves the unregister.
            var prepared = await authenticator!.AuthorizeAsync(challenge, "REGISTER", options.RegistrarUri, [], CancellationToken.None);
            Volatile.Write(ref _prepared, prepared.ShouldRetry ? prepared : null);
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _prepared, null);
            logger.LogWarning("Registration: {Aor} could not prepare the unregister credentials: {Problem}", options.Aor, ex.Message);
        }
    }

    private async Task<SipResponse> SendAsync(SipRequest request, CancellationToken ct)
    {
        var user = new RegistrationTransactionUser(continueOnDeliveringThread: authenticator is not { ResponderMayBlock: true });
        var transaction = transactions.SendRequest(request, options.NextHop, user);
        var response = await user.Final.WaitAsync(ct);
        if (transaction.Failure != SipTransactionFailure.None)
        {
            logger.LogWarning("Registration: {Aor} REGISTER to {NextHop} failed: {Failure}", options.Aor, options.NextHop, transaction.Failure);
        }

        return response;
    }

    private static string Describe(SipResponse response) => response.StatusCode switch
    {
        401 or 407 => "challenged but no credentials are configured",
        423 => "423 without a usable Min-Expires",
        _ => $"{response.StatusCode} {response.ReasonPhrase}",
    };
}
