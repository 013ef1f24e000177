using System.Net;
using System.Net.Sockets;

namespace Gateway.NetworkServer.IntegrationTests;

/// <summary>Starting and stopping the real Kamailio: nothing may be left running.</summary>
public sealed class NetworkServerProcessTests
{
    [Fact]
    public async Task DisposeAsync_RunningServer_NoKamailioProcessLeft()
    {
        var server = await NetworkServerProcess.StartAsync();
        var pid = server.ProcessId;
        var children = Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => name!.All(char.IsAsciiDigit))
            .Where(name => ParentOf(name!) == pid)
            .Select(name => int.Parse(name!, System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.NotEmpty(children);
        Assert.Contains("uptime", await server.InvokeRpcAsync("core.uptime"), StringComparison.Ordinal);

        await server.DisposeAsync();

        Assert.All(children.Append(pid), p => Assert.False(IsRunning(p), $"process {p} still runs"));
        Assert.False(Directory.Exists(server.RunDirectory));
    }

    [Fact]
    public async Task StartAsync_PortTaken_ThrowsWithLog()
    {
        var port = LoopbackPorts.GetFree();
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, port));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => NetworkServerProcess.StartAsync(new NetworkServerOptions { Port = port }));

        Assert.Contains("did not start", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_ExistingDatabase_KeepsSubscribers()
    {
        var folder = Directory.CreateTempSubdirectory("ns-db-").FullName;
        try
        {
            var db = Path.Combine(folder, "ns.db");
            await NetworkServerDatabase.CreateAsync(db);
            await new SubscriberStore(db, "127.0.0.1").AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));

            await using var server = await NetworkServerProcess.StartAsync(new NetworkServerOptions { DatabasePath = db });

            Assert.NotNull(await server.CreateSubscriberStore().GetAsync("alice"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int ParentOf(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return -1;
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state is not ("Z" or "X");
        }
        catch (IOException)
        {
            return false;
        }
    }
}
