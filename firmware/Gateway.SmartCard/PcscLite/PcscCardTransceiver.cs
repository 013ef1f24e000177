namespace Gateway.SmartCard.PcscLite;

/// <summary>
/// A <see cref="CardTransceiver"/> over SCardConnect/SCardTransmit (T=0 or T=1). Removal maps to
/// <see cref="CardRemovedException"/>; disposing disconnects with SCARD_RESET_CARD so the next user finds the PIN
/// state cleared.
/// </summary>
public sealed class PcscCardTransceiver : CardTransceiver, IDisposable
{
    private const uint ProtocolT0 = 1;
    private const uint ProtocolT1 = 2;
    private const uint DispositionReset = 1;
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

        // A crashing card (or vpcd peer) can "succeed" with fewer than SW1 SW2.
        return received < 2
            ? throw new CardProtocolException($"SCardTransmit returned {received} byte(s).")
            : ValueTask.FromResult(received);
    }

    /// <summary>Disconnects, resetting the card.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_card != 0 && !_context.IsClosed)
            {
                _context.Api.Disconnect(_card, DispositionReset);
            }

            _card = 0;
        }
    }
}
