using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.SmartCard;

/// <summary>
/// Turns an inserted card into a <see cref="CardSession"/>: SELECT → (PIN) → read record → validate, or a rejection
/// with a reason from <see cref="CardRejectionReasons"/>.
/// </summary>
public sealed class CardSessionFactory
{
    private readonly CardSessionOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the factory.</summary>
    /// <param name="options">Policy and clock.</param>
    /// <param name="logger">Logger; warnings for storage cards go here.</param>
    public CardSessionFactory(CardSessionOptions? options = null, ILogger<CardSessionFactory>? logger = null)
    {
        _options = options ?? new CardSessionOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Runs the session setup on an inserted card.</summary>
    /// <param name="transceiver">The card; an accepted session takes ownership of it (disposes it if disposable).</param>
    /// <param name="readerName">Reader name, for the session and logs.</param>
    /// <param name="pinProvider">Asked for the PIN with the tries left; returns null to cancel.</param>
    /// <param name="ct">Cancellation.</param>
    /// <returns>The session or the rejection.</returns>
    public async Task<CardSessionResult> CreateAsync(
        CardTransceiver transceiver,
        string readerName,
        Func<int, CancellationToken, ValueTask<string?>> pinProvider,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(transceiver);
        ArgumentNullException.ThrowIfNull(pinProvider);
        var client = new FollowMeCardClient(transceiver);
        try
        {
            CardApplicationInfo? application;
            try
            {
                application = await client.SelectApplicationAsync(ct);
            }
            catch (CardProtocolException ex)
            {
                _logger.LogInformation(ex, "Card in {Reader} answered SELECT outside the profile", readerName);
                return CardSessionResult.Rejected(CardRejectionReasons.NotSupported);
            }

            if (application is null)
            {
                return await CreateStorageSessionAsync(transceiver, client, readerName, ct);
            }

            if (application.PinRequired)
            {
                var pinFailure = await VerifyPinAsync(client, pinProvider, ct);
                if (pinFailure is not null)
                {
                    return pinFailure;
                }
            }

            var record = await client.ReadRecordAsync(application.RecordLength, application.PreferredChunk, ct);
            return Finish(transceiver, client, readerName, record, application);
        }
        catch (CardRemovedException)
        {
            return CardSessionResult.Rejected(CardRejectionReasons.Removed);
        }
        catch (CardProtocolException ex)
        {
            _logger.LogWarning(ex, "Card in {Reader} broke the follow-me protocol", readerName);
            return CardSessionResult.Rejected(CardRejectionReasons.CardError);
        }
    }

    private async Task<CardSessionResult> CreateStorageSessionAsync(CardTransceiver transceiver, FollowMeCardClient client, string readerName, CancellationToken ct)
    {
        if (!await client.SelectStorageFileAsync(ct))
        {
            return CardSessionResult.Rejected(CardRejectionReasons.NotSupported);
        }

        if (!_options.AllowStorageCards)
        {
            _logger.LogWarning("Storage card in {Reader} refused by operator policy", readerName);
            return CardSessionResult.Rejected(CardRejectionReasons.StorageCardRefused);
        }

        _logger.LogWarning("Storage card in {Reader}: the digest secret is read into the gateway for this session", readerName);
        var record = await client.ReadRecordAsync(null, FollowMeApplication.DefaultChunk, ct);
        return Finish(transceiver, client, readerName, record, null);
    }

    private async Task<CardSessionResult?> VerifyPinAsync(FollowMeCardClient client, Func<int, CancellationToken, ValueTask<string?>> pinProvider, CancellationToken ct)
    {
        var state = await client.GetPinStateAsync(ct);
        for (var attempt = 0; state.Status != PinStatus.Verified; attempt++)
        {
            if (state.Status == PinStatus.Blocked)
            {
                return CardSessionResult.Rejected(CardRejectionReasons.PinBlocked, 0);
            }

            if (attempt >= Math.Max(1, _options.PinAttemptsPerInsertion))
            {
                return CardSessionResult.Rejected(CardRejectionReasons.PinWrong, state.TriesLeft);
            }

            var pin = await pinProvider(state.TriesLeft, ct);
            if (pin is null)
            {
                return CardSessionResult.Rejected(CardRejectionReasons.PinCancelled, state.TriesLeft);
            }

            state = await client.VerifyPinAsync(pin, ct);
        }

        return null;
    }

    private CardSessionResult Finish(CardTransceiver transceiver, FollowMeCardClient client, string readerName, byte[] record, CardApplicationInfo? application)
    {
        AccountProfile profile;
        CardSecrets? secrets;
        try
        {
            if (application is not null && record.Length != application.RecordLength)
            {
                throw new CardFormatException("Record length differs from the FCI.");
            }

            profile = AccountProfileCodec.Decode(record, out secrets);
        }
        catch (CardFormatException ex)
        {
            Array.Clear(record);
            _logger.LogWarning("Card in {Reader} has a corrupt profile: {Reason}", readerName, ex.Message);
            return CardSessionResult.Rejected(CardRejectionReasons.CorruptProfile);
        }

        if (application is not null && secrets is not null)
        {
            // An applet must never expose HA1; if one did, do not keep it.
            secrets.Dispose();
            secrets = null;
        }

        var problems = ProfileValidator.Validate(profile, DateOnly.FromDateTime(_options.TimeProvider.GetUtcNow().UtcDateTime));
        if (application is null && (secrets is null || secrets.Algorithms.Count == 0))
        {
            problems = [.. problems, CardRejectionReasons.MissingFieldPrefix + "ha1"];
        }

        if (problems.Count > 0)
        {
            Array.Clear(record);
            secrets?.Dispose();
            return CardSessionResult.Rejected(problems[0]);
        }

        return CardSessionResult.Accepted(new CardSession(readerName, transceiver, profile, record, client, application, secrets, _logger));
    }
}
