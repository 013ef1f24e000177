using System.Globalization;
using System.Text.RegularExpressions;
using Gateway.Host.Board;
using Gateway.VirtualCard;

namespace Gateway.Host.Cards;

/// <summary>
/// The bench's card slots: puts a virtual card into a vsmartcard vpcd reader of the real pcscd (the card connects
/// to the reader's TCP port) and pulls it out again. Everything downstream (pcscd, the monitor, the session) is
/// the production path. Cards still inserted when the host stops are removed.
/// </summary>
public sealed partial class BenchCardReaders : IHostedService, IDisposable
{
    /// <summary>The TCP port of vpcd's first reader, "Virtual PCD 00 00"; reader "Virtual PCD 00 0N" listens on this plus N.</summary>
    public const int FirstVpcdPort = 35963;

    private readonly BoardRuntime _board;
    private readonly ILogger<BenchCardReaders> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<string, VirtualCardConnection> _inserted = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="BenchCardReaders"/> class.</summary>
    /// <param name="board">The assembled board (its readers, and whether it is simulated).</param>
    /// <param name="logger">Logger.</param>
    public BenchCardReaders(BoardRuntime board, ILogger<BenchCardReaders> logger)
    {
        _board = board ?? throw new ArgumentNullException(nameof(board));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        Readers = [.. board.Stations.SelectMany(s => s.Snapshot().Readers.Select(r => r.Name))];
    }

    /// <summary>Gets every reader of the board in board-file order; a reader's position is its bench index.</summary>
    public IReadOnlyList<string> Readers { get; }

    /// <summary>Gets a value indicating whether the board is simulated (bench routes answer only then).</summary>
    public bool IsSimulated => _board.IsSimulated;

    /// <summary>Finds a reader by index ("0", "1", ...) or by its full name.</summary>
    /// <param name="id">The index or name.</param>
    /// <returns>The reader name, or <see langword="null"/>.</returns>
    public string? Resolve(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (id.Length is > 0 and <= 3 && id.All(char.IsAsciiDigit))
        {
            var index = int.Parse(id, CultureInfo.InvariantCulture);
            return index < Readers.Count ? Readers[index] : null;
        }

        return Readers.FirstOrDefault(r => string.Equals(r, id, StringComparison.Ordinal));
    }

    /// <summary>The vpcd port of a reader, or <see langword="null"/> if it is not a vpcd reader.</summary>
    /// <param name="reader">The reader name.</param>
    /// <returns>The TCP port.</returns>
    public static int? VpcdPort(string reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var match = VpcdReaderName().Match(reader);
        return match.Success ? FirstVpcdPort + int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The station a reader is bound to.</summary>
    /// <param name="reader">The reader name.</param>
    /// <returns>The station id, or <see langword="null"/>.</returns>
    public string? StationOf(string reader) =>
        _board.Stations.FirstOrDefault(s => s.Snapshot().Readers.Any(r => r.Name == reader))?.Id;

    /// <summary>Inserts <paramref name="card"/> into <paramref name="reader"/>.</summary>
    /// <param name="reader">A vpcd reader of this board.</param>
    /// <param name="card">The card.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    /// <returns><see langword="false"/> if a card is already in the reader.</returns>
    /// <exception cref="System.Net.Sockets.SocketException">vpcd is not listening (pcscd not running).</exception>
    public async Task<bool> InsertAsync(string reader, VirtualCard.VirtualCard card, CancellationToken cancellationToken)
    {
        var port = VpcdPort(reader) ?? throw new ArgumentException($"'{reader}' is not a vpcd reader", nameof(reader));
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_inserted.TryGetValue(reader, out var existing))
            {
                if (!existing.Completion.IsCompleted)
                {
                    return false;
                }

                // vpcd dropped the card (pcscd restarted): the slot is free again.
                await existing.DisposeAsync();
                _inserted.Remove(reader);
            }

            _inserted[reader] = await VirtualCardConnection.ConnectAsync(card, "127.0.0.1", port, cancellationToken);
            LogInserted(reader, port);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Pulls the card out of <paramref name="reader"/>.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns><see langword="false"/> if no card was inserted.</returns>
    public async Task<bool> RemoveAsync(string reader)
    {
        await _gate.WaitAsync();
        try
        {
            if (!_inserted.Remove(reader, out var connection))
            {
                return false;
            }

            await connection.DisposeAsync();
            LogRemoved(reader);
            return true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        List<string> readers;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            readers = [.. _inserted.Keys];
        }
        finally
        {
            _gate.Release();
        }

        foreach (var reader in readers)
        {
            await RemoveAsync(reader);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    [GeneratedRegex(@"^Virtual PCD 00 (\d\d)$", RegexOptions.CultureInvariant)]
    private static partial Regex VpcdReaderName();

    [LoggerMessage(Level = LogLevel.Information, Message = "Bench: virtual card inserted into {Reader} (vpcd port {Port})")]
    private partial void LogInserted(string reader, int port);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bench: virtual card removed from {Reader}")]
    private partial void LogRemoved(string reader);
}
