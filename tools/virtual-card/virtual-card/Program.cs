using System.Globalization;
using Gateway.VirtualCard;

// virtual-card --card FILE [--port 35963] [--host 127.0.0.1]
// Inserts the card into the vpcd reader until Ctrl+C (removal) or until pcscd closes the connection.
string? cardPath = null;
var host = "127.0.0.1";
var port = 35963;
for (var i = 0; i < args.Length; i++)
{
    var value = i + 1 < args.Length ? args[i + 1] : null;
    switch (args[i])
    {
        case "--card" when value is not null:
            cardPath = value;
            i++;
            break;
        case "--host" when value is not null:
            host = value;
            i++;
            break;
        case "--port" when value is not null && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 65536:
            port = p;
            i++;
            break;
        default:
            await Console.Error.WriteLineAsync("usage: virtual-card --card FILE [--port 35963] [--host 127.0.0.1]");
            return 2;
    }
}

if (cardPath is null)
{
    await Console.Error.WriteLineAsync("usage: virtual-card --card FILE [--port 35963] [--host 127.0.0.1]");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

// SIGTERM (kill PID, used by bench scripts) removes the card cleanly too.
using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

try
{
    var card = await VirtualCard.LoadAsync(cardPath, stop.Token);
    await using var connection = await VirtualCardConnection.ConnectAsync(card, host, port, stop.Token);
    Console.WriteLine($"card inserted into vpcd at {host}:{port}; Ctrl+C removes it");
    await Task.WhenAny(connection.Completion, Task.Delay(Timeout.Infinite, stop.Token));
    Console.WriteLine(connection.Completion.IsCompleted ? "reader closed the connection" : "card removed");
    return 0;
}
catch (Exception ex) when (ex is IOException or InvalidDataException or System.Net.Sockets.SocketException or ArgumentException or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync($"virtual-card: {ex.Message}");
    return 1;
}
catch (OperationCanceledException)
{
    return 0;
}
