using System.Globalization;
using System.Text;
using Gateway.NetworkServer;

namespace Gateway.Benchmarks.Registration;

/// <summary>
/// A real Kamailio on a free loopback port with <see cref="Count"/> subscribers (bench0000, bench0001, ...),
/// plus the SIPp scenario and CSV injection file that register the same accounts.
/// </summary>
public sealed class RegistrationBenchEnvironment : IAsyncDisposable
{
    public const string Password = "bench-secret";

    private RegistrationBenchEnvironment(NetworkServerProcess server, string workDirectory, int count)
    {
        Server = server;
        WorkDirectory = workDirectory;
        Count = count;
    }

    public NetworkServerProcess Server { get; }

    public string WorkDirectory { get; }

    public int Count { get; }

    /// <summary>SIPp's fixed port, so its contacts are the same every run and Kamailio refreshes rather than adds them.</summary>
    public int SippPort { get; } = LoopbackPorts.GetFree();

    public string ScenarioPath => Path.Combine(WorkDirectory, "register-csv.xml");

    public string UsersCsvPath => Path.Combine(WorkDirectory, "users.csv");

    public static string User(int index) => "bench" + index.ToString("D4", CultureInfo.InvariantCulture);

    public static async Task<RegistrationBenchEnvironment> StartAsync(int count)
    {
        // The location table is only written by the usrloc timer; 10 s keeps it out of the measurement.
        var server = await NetworkServerProcess.StartAsync(new NetworkServerOptions { UsrlocTimerSeconds = 10 });
        var work = Directory.CreateTempSubdirectory("register-bench-").FullName;
        var store = server.CreateSubscriberStore();
        var csv = new StringBuilder("SEQUENTIAL\n");
        for (var i = 0; i < count; i++)
        {
            await store.AddAsync(new NewSubscriber(User(i), Password, "+1555" + (2000000 + i).ToString(CultureInfo.InvariantCulture)));
            // SIPp 3.6 does not expand [field0] inside [authentication], but it parses an injected [authentication] keyword.
            csv.Append(User(i)).Append(";[authentication username=").Append(User(i)).Append(" password=").Append(Password).Append("]\n");
        }

        await File.WriteAllTextAsync(Path.Combine(work, "users.csv"), csv.ToString());
        await File.WriteAllTextAsync(Path.Combine(work, "register-csv.xml"), SippScenario);
        return new RegistrationBenchEnvironment(server, work, count);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    // The same flow as the gateway's client: REGISTER, 401, REGISTER with digest, 200; one CSV row per call.
    private const string SippScenario = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <!DOCTYPE scenario SYSTEM "sipp.dtd">
        <scenario name="register-csv">
          <send retrans="500">
            <![CDATA[
              REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:[field0]@[remote_ip]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[field0]@[remote_ip]>
              Call-ID: [call_id]
              CSeq: 1 REGISTER
              Contact: <sip:[field0]@[local_ip]:[local_port]>
              Expires: 3600
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
          <recv response="401" auth="true" />
          <send retrans="500">
            <![CDATA[
              REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:[field0]@[remote_ip]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[field0]@[remote_ip]>
              Call-ID: [call_id]
              CSeq: 2 REGISTER
              Contact: <sip:[field0]@[local_ip]:[local_port]>
              [field1]
              Expires: 3600
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
          <recv response="200" />
        </scenario>
        """;
}
