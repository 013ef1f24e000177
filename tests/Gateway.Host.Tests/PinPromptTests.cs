using Gateway.BoardConfig;
using Gateway.Hardware;
using Gateway.Host.Board;
using Gateway.Host.Cards;
using Gateway.Telephony.Events;
using Gateway.Telephony.Stations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Host.Tests;

public sealed class PinPromptTests : IDisposable
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly BoardRuntime _board;
    private readonly Station _station;
    private readonly PinPrompt _prompt;

    public PinPromptTests()
    {
        _board = BoardAssembler.Assemble(LoadBench(), _time, NullLoggerFactory.Instance, new EventBus());
        _station = _board.Stations[0];
        _prompt = new PinPrompt(_station, _time, s_timeout);
    }

    [Fact]
    public async Task AskAsync_DigitsThenHash_ReturnsPinAndShowsOnlyStars()
    {
        var pin = _prompt.AskAsync(CancellationToken.None);
        Assert.Equal("Enter PIN", _station.Snapshot().Display[0].TrimEnd());

        Press("24");

        Assert.Equal("Enter PIN **", _station.Snapshot().Display[0].TrimEnd());
        Assert.Equal("# to confirm", _station.Snapshot().Display[1].TrimEnd());
        Press("68#");
        Assert.Equal("2468", await pin.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task AskAsync_StarThenDigits_StarClearsWhatWasTyped()
    {
        var pin = _prompt.AskAsync(CancellationToken.None);

        Press("99*");
        Assert.Equal("Enter PIN", _station.Snapshot().Display[0].TrimEnd());
        Press("13#");

        Assert.Equal("13", await pin.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void AskAsync_HashOnEmptyPinOrLetter_IsSwallowedAndKeepsWaiting()
    {
        var pin = _prompt.AskAsync(CancellationToken.None);

        Assert.True(_prompt.TryInterceptKey('#'));
        Assert.True(_prompt.TryInterceptKey('A'));

        Assert.False(pin.IsCompleted);
    }

    [Fact]
    public async Task AskAsync_SilenceForTimeout_ReturnsNullAndReleasesKeypad()
    {
        var pin = _prompt.AskAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(20));
        Press("1");

        // Each key restarts the wait: 20 s after the key is not yet a timeout.
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.False(pin.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(10));

        Assert.Null(await pin.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(_prompt.TryInterceptKey('2'));
    }

    [Fact]
    public async Task AskAsync_Cancelled_ThrowsAndStopsTakingKeys()
    {
        using var cts = new CancellationTokenSource();
        var pin = _prompt.AskAsync(cts.Token);
        Press("12");

        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pin.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(_prompt.TryInterceptKey('3'));
    }

    public void Dispose() => _board.Dispose();

    private void Press(string keys)
    {
        foreach (var key in keys)
        {
            Assert.True(_prompt.TryInterceptKey(key));
        }
    }

    private static BoardConfiguration LoadBench()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "board-config", "bench.json");
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")) && File.Exists(candidate))
            {
                return BoardConfigLoader.Load(candidate, RingCadences.Names);
            }
        }

        throw new FileNotFoundException("bench.json");
    }
}
