using Gateway.SmartCard;

namespace Gateway.VirtualCard;

/// <summary>An in-memory <see cref="CardTransceiver"/> wired straight to a <see cref="VirtualCard"/> (tests, bench).</summary>
public sealed class VirtualCardTransceiver : CardTransceiver
{
    private readonly VirtualCard _card;

    /// <summary>Creates the transceiver and powers the card up.</summary>
    /// <param name="card">The card.</param>
    public VirtualCardTransceiver(VirtualCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        _card = card;
        _card.ResetSession();
    }

    /// <summary>When true, every exchange throws <see cref="CardRemovedException"/> (simulates pulling the card).</summary>
    public bool Removed { get; set; }

    /// <summary>Every raw command sent, in order (for tests that check the wire behaviour).</summary>
    public IList<byte[]> SentCommands { get; } = [];

    /// <inheritdoc/>
    public override ValueTask<int> TransceiveRawAsync(ReadOnlyMemory<byte> command, Memory<byte> response, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (Removed)
        {
            throw new CardRemovedException();
        }

        SentCommands.Add(command.ToArray());
        var answer = _card.Process(command.Span);
        if (answer.Length > response.Length)
        {
            throw new CardProtocolException($"Response of {answer.Length} bytes does not fit the {response.Length}-byte buffer.");
        }

        answer.CopyTo(response);
        return ValueTask.FromResult(answer.Length);
    }
}
