using System.Threading.Channels;
using Gateway.SmartCard.PcscLite;

namespace Gateway.SmartCard.IntegrationTests;

internal static class MonitorEvents
{
    /// <summary>Blocks until pcscd reports no card in <paramref name="reader"/> (the previous test's card may linger ~0.4 s).</summary>
    public static void WaitUntilEmpty(PcscContext context, string reader)
    {
        var state = new PcscReaderState(reader, 0);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        var rv = context.GetStatusChange(TimeSpan.Zero, [state]);
        while (state.CardPresent || rv != PcscError.Success)
        {
            Assert.True(DateTime.UtcNow < deadline, $"'{reader}' still holds a card (0x{rv:X8}).");
            state.Acknowledge();
            rv = context.GetStatusChange(TimeSpan.FromSeconds(1), [state]);
            if (rv == PcscError.Timeout)
            {
                rv = context.GetStatusChange(TimeSpan.Zero, [state]);
            }
        }
    }

    /// <summary>Reads events until one matches; fails the test with what was seen if none arrives in time.</summary>
    public static async Task<ReaderEvent> WaitForAsync(this ChannelReader<ReaderEvent> events, ReaderEventKind kind, string? reader, TimeSpan timeout, long since = 0)
    {
        using var cts = new CancellationTokenSource(timeout);
        var seen = new List<string>();
        try
        {
            while (true)
            {
                var e = await events.ReadAsync(cts.Token);
                if (e.Kind == kind && (reader is null || e.ReaderName == reader) && e.Timestamp >= since)
                {
                    return e;
                }

                seen.Add($"{e.Kind}:{e.ReaderName}");
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"No {kind} for '{reader}' within {timeout}; saw [{string.Join(", ", seen)}].");
            throw;
        }
    }
}
