using Gateway.VirtualCard;

namespace Gateway.Bench.Perf;

/// <summary>
/// A virtual card put straight into a vpcd reader from the bench process (as the integration tests do), so a card
/// can sit in its reader before the gateway starts, and insert/remove is timed without the HTTP hop.
/// </summary>
internal static class CardSlot
{
    // vpcd's first reader listens here (the gateway's FirstVpcdPort); reader n is at +n.
    private const int FirstVpcdPort = 35963;

    public static string ReaderName(int reader) => $"Virtual PCD 00 {reader:00}";

    public static async Task<VirtualCardConnection> InsertAsync(string cardFile, int reader, CancellationToken ct)
    {
        var card = await Gateway.VirtualCard.VirtualCard.LoadAsync(cardFile, ct);
        return await VirtualCardConnection.ConnectAsync(card, "127.0.0.1", FirstVpcdPort + reader, ct);
    }
}
