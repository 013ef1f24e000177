namespace Gateway.SmartCard.PcscLite;

/// <summary>
/// A <see cref="CardTransceiver"/> over SCardConnect/SCardTransmit (T=0 or T=1). Removal maps to
/// <see cref="CardRemovedException"/>; disposing disconnects with SCARD_RESET_CARD so the next user finds the PIN
/// state cleared, unless the handle's card is already gone: then SCARD_LEAVE_CARD, because pcscd would otherwise
/// reset whatever card is in the reader now (a traveller who re-inserts quickly lost the new card's setup that way).
/// </summary>
public sealed class PcscCardTransceiver : CardTransceiver, IDisposable
{
    private const uint ProtocolT0 = 1;
    private const uint ProtocolT1 = 2;
    private const uint DispositionLeave = 0;
    private const uint DispositionReset = 1;
    private static readonly TimeSpan s_removalGrace = TimeSpan.FromSeconds(1);
    private readonly PcscContext _context;
    private readonly Lock _gate = new();
    private nint _card;

    private PcscCardTransceiver(PcscContext context, string reader, nint card, uint protocol, byte[] atr)
    {
        _context = context;
        ReaderName = reader;
        _card = card;
        Protocol = protocol;
        Atr = atr;
    }

    /// <summary>The reader.</summary>
    public string ReaderName { get; }

    /// <summary>Active protocol: 1 = T=0, 2 = T=1.</summary>
    public uint Protocol { get; }

    /// <summary>The card's ATR as SCardStatus reported it at connect.</summary>
    public ReadOnlyMemory<byte> Atr { get; }

    /// <summary>Connects (shared mode) to the card in <paramref name="reader"/>.</summary>
    /// <param name="context">An established context; must outlive the transceiver.</param>
    /// <param name="reader">Reader name.</param>
    /// <returns>The transceiver.</returns>
    /// <exception cref="CardRemovedException">No card in the reader.</exception>
    /// <exception cref="PcscException">Other failures.</exception>
    public static PcscCardTransceiver Connect(PcscContext context, string reader)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(reader);
        var rv = context.Api.Connect(context.Handle, reader, ProtocolT0 | ProtocolT1, out var card, out var protocol);
        if (rv != PcscError.Success)
        {
            throw PcscError.IsCardGone(rv) ? new CardRemovedException($"No card in {reader} (0x{rv:X8}).") : new PcscException("SCardConnect", rv);
        }

        var status = context.Api.Status(card, out _, out _, out var atr);
        return new PcscCardTransceiver(context, reader, card, protocol, status == PcscError.Success ? atr : []);
    }

    /// <inheritdoc/>
    public override ValueTask<int> TransceiveRawAsync(ReadOnlyMemory<byte> command, Memory<byte> response, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        uint rv;
        int received;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_card == 0, this);
            rv = _context.Api.Transmit(_card, Protocol, command.Span, response.Span, out received);
        }

        if (PcscError.IsCardGone(rv))
        {
            throw new CardRemovedException($"Card in {ReaderName} is gone (0x{rv:X8}).");
        }

        if (rv != PcscError.Success)
        {
            throw new PcscException("SCardTransmit", rv);
        }

        if (received >= 2)
        {
            return ValueTask.FromResult(received);
        }

        // A card pulled while its APDU is in flight makes pcsc-lite "succeed" with no bytes (vpcd, measured); only a
        // card still there that answered short is a protocol error.
        if (CardWentAway())
        {
            throw new CardRemovedException($"Card in {ReaderName} was removed during the APDU (SCardTransmit returned {received} byte(s)).");
        }

        throw new CardProtocolException($"SCardTransmit returned {received} byte(s).");
    }

    private bool CardWentAway()
    {
        if (PcscError.IsCardGone(CardStatus()))
        {
            return true;
        }

        // pcscd may notice the removal only at its next presence poll (about 0.4 s for vpcd): wait for the reader
        // to report it, for at most a second; a card that stays present is the one at fault.
        var state = new PcscReaderState(ReaderName, 0);
        var rv = _context.GetStatusChange(TimeSpan.Zero, [state]);
        if (rv == PcscError.Success && state.CardPresent)
        {
            state.Acknowledge();
            rv = _context.GetStatusChange(s_removalGrace, [state]);
        }

        return (rv == PcscError.Success && !state.CardPresent) || PcscError.IsCardGone(CardStatus());
    }

    private uint CardStatus()
    {
        lock (_gate)
        {
            return _card == 0 ? PcscError.InvalidHandle : _context.Api.Status(_card, out _, out _, out _);
        }
    }

    /// <summary>Disconnects, resetting the card if it is still the one this handle connected to.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_card != 0 && !_context.IsClosed)
            {
                // pcscd marks a handle whose card left the reader (SCARD_W_REMOVED_CARD), even once another card is in.
                var gone = PcscError.IsCardGone(_context.Api.Status(_card, out _, out _, out _));
                _context.Api.Disconnect(_card, gone ? DispositionLeave : DispositionReset);
            }

            _card = 0;
        }
    }
}
