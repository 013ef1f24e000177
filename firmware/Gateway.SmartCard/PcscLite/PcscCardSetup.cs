using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.SmartCard.PcscLite;

/// <summary>
/// Connects to a card and runs its setup, and does it again over a fresh connection when PC/SC fails in a way that
/// passes (<see cref="PcscError.IsTransient"/>) while the card is still in the reader.
/// </summary>
/// <remarks>
/// Without this a card that meets a passing error is refused for good, or (for SCARD_W_RESET_CARD, which reads as a
/// removal) left half set up with no removal ever coming to end it. Measured on vpcd: a NativeAOT gateway, up about
/// 30 ms after the cards were inserted, got SCARD_E_NOT_TRANSACTED on its first SELECT while pcscd was still bringing
/// the cards up, and refused both. A card that has really left is never retried: the removal handles it.
/// </remarks>
public sealed class PcscCardSetup
{
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;

    /// <summary>Creates the policy.</summary>
    /// <param name="timeProvider">Clock for the pause between attempts.</param>
    /// <param name="logger">Where retries are logged; none if null.</param>
    public PcscCardSetup(TimeProvider timeProvider, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        _timeProvider = timeProvider;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Attempts in all, the first included (at least 1). Default 5.</summary>
    public int Attempts { get; init; } = 5;

    /// <summary>
    /// Pause before the second attempt, doubled before each later one. Default 25 ms: a reset by another process
    /// usually ends within tens of ms, and the whole wait (25+50+100+200 ms) stays under half a second, which is a
    /// traveller's wait at the card slot.
    /// </summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// Connects to the card in <paramref name="reader"/> and runs <paramref name="setup"/> over it. The transceiver is
    /// disposed when an attempt fails; on success the caller owns it.
    /// </summary>
    /// <typeparam name="T">What the setup produces.</typeparam>
    /// <param name="context">The context to connect through; must outlive the returned transceiver.</param>
    /// <param name="reader">Reader name.</param>
    /// <param name="setup">The setup; may run more than once, each time on a new transceiver.</param>
    /// <param name="cancellationToken">Stops the attempts.</param>
    /// <param name="readsAsRemoval">
    /// Tells a result that reports the card gone (a setup that catches <see cref="CardRemovedException"/> itself);
    /// such a result is retried like the exception while the reader still holds the card.
    /// </param>
    /// <returns>The setup's result and the transceiver it ran on.</returns>
    /// <exception cref="CardRemovedException">The card left the reader.</exception>
    /// <exception cref="PcscException">
    /// A failure that is not transient, a transient one on the last attempt, or a card that still read as gone on the
    /// last attempt while the reader held it.
    /// </exception>
    public async Task<(T Result, PcscCardTransceiver Transceiver)> RunAsync<T>(
        PcscContext context,
        string reader,
        Func<PcscCardTransceiver, CancellationToken, Task<T>> setup,
        CancellationToken cancellationToken,
        Func<T, bool>? readsAsRemoval = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(setup);
        for (var attempt = 1; ; attempt++)
        {
            PcscCardTransceiver? transceiver = null;
            try
            {
                transceiver = PcscCardTransceiver.Connect(context, reader);
                var result = await setup(transceiver, cancellationToken).ConfigureAwait(false);
                if (readsAsRemoval?.Invoke(result) == true)
                {
                    throw new CardRemovedException($"The setup found the card in {reader} gone.");
                }

                var owned = transceiver;
                transceiver = null;
                return (result, owned);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsPassing(ex) && CardStillIn(context, reader))
            {
                if (attempt >= Math.Max(1, Attempts))
                {
                    // A card that keeps reading as gone while the reader holds it must be refused, not left waiting
                    // for a removal that may never come.
                    if (ex is CardRemovedException)
                    {
                        throw new PcscException($"The card in {reader} still read as gone after {attempt} attempts while the reader held it.", ex);
                    }

                    throw;
                }

                _logger.LogInformation("Card in {Reader}: {Error}; connecting again (attempt {Attempt} of {Attempts})", reader, ex.Message, attempt + 1, Attempts);
            }
            finally
            {
                transceiver?.Dispose();
            }

            await Task.Delay(RetryDelay * (1 << Math.Min(attempt - 1, 10)), _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool IsPassing(Exception ex) => ex switch
    {
        PcscException p => PcscError.IsTransient(p.ErrorCode),

        // SCARD_W_RESET_CARD and friends read as a removal at the transceiver; the reader's state tells them apart.
        CardRemovedException => true,
        _ => false,
    };

    private static bool CardStillIn(PcscContext context, string reader)
    {
        var state = new PcscReaderState(reader, 0);
        return context.GetStatusChange(TimeSpan.Zero, [state]) == PcscError.Success && state.CardPresent;
    }
}
