namespace Gateway.SmartCard;

/// <summary>
/// The seam between card protocol code and a card reader (PC/SC, an in-memory virtual card, ...). Subclasses move
/// raw APDU bytes; this base class adds the ISO 7816-4 transport rules every reader needs: GET RESPONSE after
/// <c>61xx</c> and re-issuing with the right Le after <c>6Cxx</c>.
/// </summary>
public abstract class CardTransceiver
{
    // A card that keeps answering 61xx forever must not hang the gateway.
    private const int MaxGetResponseRounds = 256;

    /// <summary>Sends one raw command APDU and receives the raw response (data + SW1 SW2).</summary>
    /// <param name="command">The encoded command.</param>
    /// <param name="response">Buffer for the response.</param>
    /// <param name="cancellationToken">Cancels the exchange where the reader supports it.</param>
    /// <returns>Number of response bytes written.</returns>
    /// <exception cref="CardRemovedException">The card is gone.</exception>
    public abstract ValueTask<int> TransceiveRawAsync(ReadOnlyMemory<byte> command, Memory<byte> response, CancellationToken cancellationToken);

    /// <summary>Sends a command and returns its final response after 61xx / 6Cxx handling.</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The response; its status word is whatever the card finally answered.</returns>
    /// <exception cref="CardProtocolException">The card answered fewer than 2 bytes or looped on 61xx.</exception>
    /// <exception cref="CardRemovedException">The card is gone.</exception>
    public async ValueTask<ResponseApdu> TransceiveAsync(CommandApdu command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var response = await ExchangeAsync(command, cancellationToken);
        if (response.Sw1 == StatusWords.WrongLe && command.Ne != 0)
        {
            response = await ExchangeAsync(command.WithNe(response.Sw2 == 0 ? 256 : response.Sw2), cancellationToken);
        }

        if (response.Sw1 != StatusWords.BytesAvailable)
        {
            return response;
        }

        var collected = new List<byte>(response.Data.ToArray());
        for (var round = 0; round < MaxGetResponseRounds; round++)
        {
            var ne = response.Sw2 == 0 ? 256 : response.Sw2;
            response = await ExchangeAsync(new CommandApdu((byte)(command.Cla & 0x03), 0xC0, 0x00, 0x00, default, ne), cancellationToken);
            if (response.Sw1 == StatusWords.WrongLe)
            {
                response = await ExchangeAsync(new CommandApdu((byte)(command.Cla & 0x03), 0xC0, 0x00, 0x00, default, response.Sw2 == 0 ? 256 : response.Sw2), cancellationToken);
            }

            collected.AddRange(response.Data.Span);
            if (response.Sw1 != StatusWords.BytesAvailable)
            {
                var result = new ResponseApdu(collected.ToArray(), response.StatusWord);
                collected.Clear();
                return result;
            }
        }

        throw new CardProtocolException("The card kept answering 61xx.");
    }

    private async ValueTask<ResponseApdu> ExchangeAsync(CommandApdu command, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Max(command.Ne, 256) + 2];
        try
        {
            var n = await TransceiveRawAsync(command.ToBytes(), buffer, cancellationToken);
            if (n < 2)
            {
                throw new CardProtocolException($"The card answered {n} byte(s); a response needs at least SW1 SW2.");
            }

            return ResponseApdu.Parse(buffer.AsSpan(0, n));
        }
        finally
        {
            // The buffer may have carried profile data; do not leave it for the GC to hand out.
            Array.Clear(buffer);
        }
    }
}
