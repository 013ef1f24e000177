using Gateway.Bench;
using Gateway.Bench.Perf;

if (args.Length > 0 && args[0] == StationsWorker.Flag)
{
    return await StationsWorker.RunAsync(args);
}

// The bench: Kamailio (the project's configuration, fresh SQLite), two demo subscribers with their cards, and the
// gateway on the bench board pointed at it. With --demo it plays the scripted tour and exits 0 only if every check held.
var (options, problem) = BenchOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine($"gateway-bench: {problem}");
    return 2;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C stops the bench cleanly: the gateway unregisters its cards and Kamailio stops.
    e.Cancel = true;
    stop.Cancel();
};

if (options.Perf)
{
    return await PerfSuite.RunAsync(options, stop.Token);
}

Directory.CreateDirectory(options.RunDirectory);
Console.WriteLine($"bench: starting Kamailio on udp/tcp 127.0.0.1:{options.ServerPort} ({options.RunDirectory}/network-server)");
await using var network = await BenchNetwork.StartAsync(options, stop.Token);
Console.WriteLine($"bench: subscribers {BenchNetwork.Alice.Username} {BenchNetwork.Alice.FollowMeNumber}, {BenchNetwork.Bob.Username} {BenchNetwork.Bob.FollowMeNumber}, {BenchNetwork.Carol.Username} {BenchNetwork.Carol.FollowMeNumber}; cards in {network.CardDirectory}");
await using var gateway = GatewayLauncher.Start(options, network, quiet: options.Demo);
await using var api = new GatewayApi(options.ApiPort);
await gateway.WaitForApiAsync(api, TimeSpan.FromSeconds(60), stop.Token);
var url = api.BaseAddress.ToString().TrimEnd('/');
Console.WriteLine($$"""

    Status page:      {{url}}/
    Management API:   {{url}}/api/status
    Live events:      curl -N {{url}}/api/events
    Insert A's card:  curl -X POST {{url}}/api/bench/readers/0/card -H 'Content-Type: application/json' -d '{"cardFile":"{{network.CardFile(BenchNetwork.Alice)}}"}'
    Insert B's card:  curl -X POST {{url}}/api/bench/readers/1/card -H 'Content-Type: application/json' -d '{"cardFile":"{{network.CardFile(BenchNetwork.Bob)}}"}'
    Remove A's card:  curl -X DELETE {{url}}/api/bench/readers/0/card
    Lift handset:     curl -X POST {{url}}/api/bench/stations/station-1/hook -H 'Content-Type: application/json' -d '{"offHook":true}'
    Dial:             curl -X POST {{url}}/api/bench/stations/station-1/keys -H 'Content-Type: application/json' -d '{"keys":"5550100003"}'
    Call A from a softphone: sip:{{BenchNetwork.Alice.FollowMeNumber}}@127.0.0.1:{{network.Server.Port}} (register as carol / {{BenchNetwork.Carol.Password}})
    CDRs:             sqlite3 {{network.Server.DatabasePath}} 'select * from acc_cdrs'
    Ctrl+C stops it cleanly.

""");

if (!options.Demo)
{
    try
    {
        await gateway.WaitForExitAsync(stop.Token);
        Console.Error.WriteLine($"bench: the gateway exited with code {gateway.ExitCode}");
        return 1;
    }
    catch (OperationCanceledException)
    {
        Console.WriteLine("bench: stopping (the gateway unregisters its cards)");
        return 0;
    }
}

var timeline = new Timeline();
await api.ConnectEventsAsync(stop.Token);
try
{
    await new DemoTour(options, network, api, timeline).RunAsync(stop.Token);
}
catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException)
{
    timeline.Check(false, ex.Message);
}

Console.WriteLine();
if (timeline.Failures.Count == 0)
{
    Console.WriteLine("demo: every step passed");
    return 0;
}

Console.WriteLine($"demo: {timeline.Failures.Count} check(s) failed; the gateway's log: {gateway.LogPath}");
return 1;
