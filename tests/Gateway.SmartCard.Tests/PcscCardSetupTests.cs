using Gateway.SmartCard.PcscLite;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.SmartCard.Tests;

/// <summary>How <see cref="PcscCardSetup"/> rides over passing PC/SC failures and never over a real removal.</summary>
public class PcscCardSetupTests
{
    private static readonly byte[] s_select = [0x00, 0xA4, 0x04, 0x00, 0x02, 0xF0, 0x01, 0x00];

    [Theory]
    [InlineData(PcscError.NotTransacted)]
    [InlineData(PcscError.SharingViolation)]
    [InlineData(PcscError.ResetCard)]
    public async Task PassingFailureOnce_SecondConnectionSucceeds(uint failure)
    {
        using var daemon = CardIn("R0");
        daemon.TransmitFailures.Enqueue(failure);
        using var context = PcscContext.Establish(daemon);
        var time = new FakeTimeProvider();
        var setup = new PcscCardSetup(time);

        var run = await RunOnFakeClockAsync(time, setup.RunAsync(context, "R0", SelectAsync, CancellationToken.None));
        var (result, transceiver) = await run;
        using (transceiver)
        {
            Assert.Equal(0x9000, result);
            Assert.Equal(2, daemon.Connects);

            // The failed attempt's handle was let go (reset), the kept one is still open.
            Assert.Single(daemon.Dispositions);
        }
    }

    [Fact]
    public async Task PassingFailureEveryTime_GivesUpAfterTheAttempts()
    {
        using var daemon = CardIn("R0");
        daemon.TransmitResult = PcscError.NotTransacted;
        using var context = PcscContext.Establish(daemon);
        var time = new FakeTimeProvider();
        var setup = new PcscCardSetup(time) { Attempts = 3, RetryDelay = TimeSpan.FromMilliseconds(100) };

        var run = await RunOnFakeClockAsync(time, setup.RunAsync(context, "R0", SelectAsync, CancellationToken.None));

        var error = await Assert.ThrowsAsync<PcscException>(() => run);
        Assert.Equal(PcscError.NotTransacted, error.ErrorCode);
        Assert.Equal(3, daemon.Connects);
        Assert.Equal(3, daemon.Dispositions.Count);
    }

    [Fact]
    public async Task LastingFailure_IsNotRetried()
    {
        using var daemon = CardIn("R0");
        daemon.TransmitFailures.Enqueue(PcscError.InsufficientBuffer);
        using var context = PcscContext.Establish(daemon);
        var setup = new PcscCardSetup(new FakeTimeProvider());

        var error = await Assert.ThrowsAsync<PcscException>(() => setup.RunAsync(context, "R0", SelectAsync, CancellationToken.None));

        Assert.Equal(PcscError.InsufficientBuffer, error.ErrorCode);
        Assert.Equal(1, daemon.Connects);
    }

    [Fact]
    public async Task CardPulled_IsNotRetried()
    {
        using var daemon = CardIn("R0");
        using var context = PcscContext.Establish(daemon);
        var setup = new PcscCardSetup(new FakeTimeProvider());

        await Assert.ThrowsAsync<CardRemovedException>(() => setup.RunAsync(context, "R0", async (t, ct) =>
        {
            daemon.Remove("R0");
            daemon.TransmitFailures.Enqueue(PcscError.RemovedCard);
            return await SelectAsync(t, ct);
        }, CancellationToken.None));

        Assert.Equal(1, daemon.Connects);
    }

    [Fact]
    public async Task ResultThatReadsAsRemoval_WithTheCardStillIn_IsRetried()
    {
        using var daemon = CardIn("R0");
        using var context = PcscContext.Establish(daemon);
        var time = new FakeTimeProvider();
        var setup = new PcscCardSetup(time);
        var calls = 0;

        var run = await RunOnFakeClockAsync(time, setup.RunAsync(context, "R0", (_, _) => Task.FromResult(++calls), CancellationToken.None, calls => calls == 1));
        var (result, transceiver) = await run;
        transceiver.Dispose();

        Assert.Equal(2, result);
        Assert.Equal(2, daemon.Connects);
    }

    [Fact]
    public async Task CardThatKeepsReadingAsGone_WhileInTheReader_IsRefusedAfterTheAttempts()
    {
        using var daemon = CardIn("R0");
        daemon.TransmitResult = PcscError.ResetCard;
        using var context = PcscContext.Establish(daemon);
        var time = new FakeTimeProvider();
        var setup = new PcscCardSetup(time) { Attempts = 4 };

        var run = await RunOnFakeClockAsync(time, setup.RunAsync(context, "R0", SelectAsync, CancellationToken.None));

        var error = await Assert.ThrowsAsync<PcscException>(() => run);
        Assert.IsType<CardRemovedException>(error.InnerException);
        Assert.Equal(4, daemon.Connects);
    }

    [Fact]
    public async Task Cancelled_DuringThePause_StopsTrying()
    {
        using var daemon = CardIn("R0");
        daemon.TransmitResult = PcscError.NotTransacted;
        using var context = PcscContext.Establish(daemon);
        using var cts = new CancellationTokenSource();
        var setup = new PcscCardSetup(new FakeTimeProvider());

        var run = setup.RunAsync(context, "R0", SelectAsync, cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(1, daemon.Connects);
    }

    private static async Task<int> SelectAsync(PcscCardTransceiver transceiver, CancellationToken ct)
    {
        var response = new byte[258];
        var length = await transceiver.TransceiveRawAsync(s_select, response, ct);
        return (response[length - 2] << 8) | response[length - 1];
    }

    private static async Task<Task<T>> RunOnFakeClockAsync<T>(FakeTimeProvider time, Task<T> run)
    {
        // The attempts continue on the thread pool after each pause; keep the fake clock moving until they are done.
        for (var i = 0; i < 2000 && !run.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.WhenAny(run, Task.Delay(5));
        }

        return run;
    }

    private static FakePcscDaemon CardIn(string reader)
    {
        var daemon = new FakePcscDaemon();
        daemon.AddReader(reader);
        daemon.Insert(reader, [0x3B, 0x02, 0x14, 0x50]);
        return daemon;
    }
}
