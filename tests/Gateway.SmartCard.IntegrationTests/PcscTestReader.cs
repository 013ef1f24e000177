using Gateway.SmartCard.PcscLite;
using Gateway.VirtualCard;

namespace Gateway.SmartCard.IntegrationTests;

/// <summary>A PC/SC context and reader monitor on the fixture's vpcd reader, and card insertion through vpcd.</summary>
internal sealed class PcscTestReader : IAsyncDisposable
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private PcscTestReader(PcscContext context, PcscReaderMonitor monitor)
    {
        Context = context;
        Monitor = monitor;
    }

    public PcscContext Context { get; }

    public PcscReaderMonitor Monitor { get; }

    /// <summary>Starts the monitor once pcscd runs and waits until it reports the vpcd reader.</summary>
    public static async Task<PcscTestReader> StartAsync(PcscdFixture pcscd)
    {
        pcscd.EnsureRunning();
        var reader = new PcscTestReader(PcscContext.Establish(), new PcscReaderMonitor());
        reader.Monitor.Start();
        await reader.Monitor.Events.WaitForAsync(ReaderEventKind.ReaderAdded, PcscdFixture.Reader, Wait);
        return reader;
    }

    /// <summary>Connects <paramref name="card"/> to vpcd and waits until the monitor sees it inserted.</summary>
    public async Task<VirtualCardConnection> InsertAsync(VirtualCard.VirtualCard card)
    {
        MonitorEvents.WaitUntilEmpty(Context, PcscdFixture.Reader);
        var since = TimeProvider.System.GetTimestamp();
        var connection = await VirtualCardConnection.ConnectAsync(card, "127.0.0.1", PcscdFixture.VpcdPort, default);
        await Monitor.Events.WaitForAsync(ReaderEventKind.CardInserted, PcscdFixture.Reader, Wait, since);
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        await Monitor.DisposeAsync();
        Context.Dispose();
    }
}
