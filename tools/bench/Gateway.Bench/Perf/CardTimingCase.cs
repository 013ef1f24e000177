using System.Diagnostics;

namespace Gateway.Bench.Perf;

/// <summary>
/// Case d: card inserted → <c>registration.registered</c> and card removed → <c>registration.unregistered</c>, beside
/// the raw parts in the same run: pcscd's own PRESENT/EMPTY (a plain SCardGetStatusChange loop here) and baresip's
/// REGISTER round trip with Kamailio by SIPp.
/// </summary>
internal static class CardTimingCase
{
    private const int Reader = 1;
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(PerfContext context, PerfCase result, GatewayUnderTest gateway, CancellationToken ct)
    {
        var rounds = context.Durations.CardRounds;
        result.Notes.Add($"{rounds} insert/remove rounds of bob's card in reader {Reader} ({PerfContext.StationB}) of the {gateway.Build.Name}, station-1 holding alice's card; times from the vpcd connect/close in this process to the SSE event's arrival here.");
        result.Notes.Add("Raw parts: pcscd PRESENT/EMPTY seen by SCardGetStatusChange in this process; a REGISTER → 401 → REGISTER → 200 exchange by SIPp (Expires 0), timed from SIPp's message trace; the same exchange is the raw part of an unregister.");
        var ready = new List<double>();
        var registered = new List<double>();
        var unregistered = new List<double>();
        var present = new List<double>();
        var empty = new List<double>();
        await using (var raw = new RawReaderWatch(CardSlot.ReaderName(Reader)))
        {
            for (var round = 0; round < rounds; round++)
            {
                while (raw.Present)
                {
                    await Task.Delay(10, ct);
                }

                var insertAt = Stopwatch.GetTimestamp();
                var card = await CardSlot.InsertAsync(context.Network.CardFile(BenchNetwork.Bob), Reader, ct);
                GatewayEvent readyEvent, registeredEvent;
                try
                {
                    readyEvent = await gateway.WaitForAsync("card.ready", PerfContext.StationB, insertAt, ct);
                    registeredEvent = await gateway.WaitForAsync("registration.registered", PerfContext.StationB, insertAt, ct);
                }
                catch
                {
                    await card.DisposeAsync();
                    throw;
                }

                // Closing the connection is the removal: vpcd sees the socket go.
                var removeAt = Stopwatch.GetTimestamp();
                await card.DisposeAsync();
                var unregisteredEvent = await gateway.WaitForAsync("registration.unregistered", PerfContext.StationB, removeAt, ct);
                ready.Add(Stopwatch.GetElapsedTime(insertAt, readyEvent.ReceivedAt).TotalMilliseconds);
                registered.Add(Stopwatch.GetElapsedTime(insertAt, registeredEvent.ReceivedAt).TotalMilliseconds);
                unregistered.Add(Stopwatch.GetElapsedTime(removeAt, unregisteredEvent.ReceivedAt).TotalMilliseconds);
                present.Add(await raw.LatencyAsync(insertAt, present: true, s_wait, ct));
                empty.Add(await raw.LatencyAsync(removeAt, present: false, s_wait, ct));
            }
        }

        var sip = new List<double>();
        for (var round = 0; round < rounds; round++)
        {
            sip.Add(await SippRegister.RoundTripAsync(context.Options, context.Network, BenchNetwork.Dave, ct));
        }

        var name = gateway.Build.Name;
        AddPercentiles(result, name, "insert → card.ready", ready);
        AddPercentiles(result, name, "insert → registration.registered", registered);
        AddPercentiles(result, "raw pcscd", "insert → PRESENT", present);
        AddPercentiles(result, "raw SIPp", "REGISTER → 401 → REGISTER → 200", sip);
        AddPercentiles(result, name, "remove → registration.unregistered", unregistered);
        AddPercentiles(result, "raw pcscd", "remove → EMPTY", empty);
        result.Add(PerfRow.Single($"{name} / (raw pcscd + raw SIPp)", "remove → unregistered p50 ratio", "ratio", Figures.Percentile(unregistered, 0.5) / (Figures.Percentile(empty, 0.5) + Figures.Percentile(sip, 0.5)), "gateway p50 over the sum of the raw parts' p50"));
        var rawInsert = Figures.Percentile(present, 0.5) + Figures.Percentile(sip, 0.5);
        result.Add(PerfRow.Single($"{name} / (raw pcscd + raw SIPp)", "insert → registered p50 ratio", "ratio", Figures.Percentile(registered, 0.5) / rawInsert, "gateway p50 over the sum of the raw parts' p50"));
    }

    private static void AddPercentiles(PerfCase result, string subject, string metric, List<double> values)
    {
        result.Add(Figures.Row(subject, metric, "ms", values, $"p95 {Figures.Percentile(values, 0.95):F1} ms"));
    }
}
