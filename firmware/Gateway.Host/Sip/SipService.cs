using System.Net;
using System.Net.Sockets;
using Gateway.BoardConfig;
using Gateway.Host.Board;
using Gateway.Host.Options;
using Gateway.Media.Sessions;
using Gateway.Sip.Auth;
using Gateway.Sip.Registration;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;
using Gateway.Sip.UserAgent;
using Gateway.Telephony.Accounts;
using Gateway.Telephony.Calls;
using Gateway.Telephony.Events;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Sip;

/// <summary>
/// Runs the SIP stack: a UDP transport on <c>Gateway:Sip</c>, the UA with the <see cref="IncomingCallRouter"/>, the
/// registrations of the card accounts and the call placer. Registered before the card service so that it stops
/// after it: every card's removal on shutdown can still unregister.
/// </summary>
public sealed partial class SipService : IHostedService, IAsyncDisposable
{
    private readonly GatewayRuntime _runtime;
    private readonly GatewaySip _sip;
    private readonly GatewayOptions _options;
    private readonly IEventPublisher _events;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<SipService> _logger;
    private SipStackHost? _stack;
    private AccountService? _accounts;
    private readonly List<StationAudio> _audio = [];

    /// <summary>Initializes a new instance of the <see cref="SipService"/> class.</summary>
    /// <param name="runtime">The running gateway.</param>
    /// <param name="sip">Where the running parts are published.</param>
    /// <param name="options">Gateway options; <c>Gateway:Sip</c> is used.</param>
    /// <param name="events">Where registration events go.</param>
    /// <param name="loggerFactory">Loggers.</param>
    public SipService(GatewayRuntime runtime, GatewaySip sip, IOptions<GatewayOptions> options, IEventPublisher events, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
        _sip = sip ?? throw new ArgumentNullException(nameof(sip));
        _options = options.Value;
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _loggerFactory = loggerFactory ?? throw new ArgumentNullException(nameof(loggerFactory));
        _logger = loggerFactory.CreateLogger<SipService>();
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var sip = _options.Sip;
        if (!sip.Enabled)
        {
            _sip.Clear("disabled (Gateway:Sip:Enabled=false)");
            LogDisabled();
            return Task.CompletedTask;
        }

        try
        {
            Start(sip);
        }
        catch (SocketException ex)
        {
            // A telephone without SIP still has its keypad, display and cards: report it, do not stop the box.
            _sip.Clear($"cannot bind {sip.BindAddress}:{sip.Port}: {ex.Message}");
            LogBindFailed(sip.BindAddress, sip.Port, ex.Message);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _sip.Clear("stopped");
        if (_accounts is { } accounts)
        {
            await accounts.DisposeAsync();
        }

        if (_stack is { } stack)
        {
            await stack.DisposeAsync();
        }

        foreach (var audio in _audio)
        {
            await audio.DisposeAsync();
        }

        _audio.Clear();

        _accounts = null;
        _stack = null;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private void Start(SipOptions sip)
    {
        var time = _runtime.TimeProvider;
        var bind = new IPEndPoint(IPAddress.Parse(sip.BindAddress), sip.Port);
        var stackOptions = new SipStackOptions
        {
            TimeProvider = time,
            Timers = new SipTimerSettings { T1 = TimeSpan.FromMilliseconds(sip.T1Ms) },
            Validator = SipUserAgent.CreateValidator(),
            Logger = _loggerFactory.CreateLogger("Gateway.Sip"),
        };
        var udp = new UdpSipTransport(bind, stackOptions.Transport);
        var contactIp = sip.ContactHost is { } host ? IPAddress.Parse(host) : bind.Address;
        var contact = new IPEndPoint(contactIp, udp.LocalEndPoint.Port);
        var contactHostPort = contactIp.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{contactIp}]:{contact.Port}" : $"{contactIp}:{contact.Port}";

        // Validated at start-up (SipOptionsRule): a value that is set parses.
        var registrar = SipServerAddress.TryParse(sip.Registrar, out var r) ? r : null;
        var proxy = SipServerAddress.TryParse(sip.OutboundProxy, out var p) ? p : null;
        var box = string.IsNullOrEmpty(sip.BoxUser) ? null : new DigestAuthenticator(sip.BoxUser, new PasswordDigestResponder(sip.BoxUser, sip.BoxPassword!));
        var domain = sip.Domain ?? registrar?.Uri["sip:".Length..].Split(';')[0];
        var directory = new AccountDirectory();
        var router = new IncomingCallRouter(directory, FindCallTarget, _loggerFactory.CreateLogger<IncomingCallRouter>());
        var agent = new SipUserAgent(
            new SipUserAgentOptions
            {
                Local = new SipEndPoint(SipTransportKind.Udp, contact),
                User = sip.BoxUser ?? "gateway",
                Domain = domain?.Split(':')[0],
                OutboundProxy = (proxy ?? registrar)?.EndPoint,
                Authenticator = box,
                Product = "Gateway/" + _runtime.Version,
            },
            router,
            _loggerFactory.CreateLogger<SipUserAgent>());
        _stack = SipStackHost.Create([udp], agent, stackOptions);
        agent.Attach(_stack.Transactions);
        var registrations = new RegistrationSet(_stack.Transactions, _loggerFactory.CreateLogger<RegistrationSet>());
        _accounts = new AccountService(
            directory,
            registrations,
            new AccountRegistrarOptions
            {
                ContactHostPort = contactHostPort,
                InstanceBox = string.IsNullOrEmpty(_runtime.DeviceId) ? null : _runtime.DeviceId,
                DefaultRegistrar = registrar,
                DefaultOutboundProxy = proxy,
                RequestedExpiry = TimeSpan.FromSeconds(sip.RegistrationExpirySeconds),
                Backoff = new RegistrationBackoff { Base = TimeSpan.FromSeconds(sip.RetryBaseSeconds), Max = TimeSpan.FromSeconds(sip.RetryMaxSeconds) },
                RefusedBackoff = new RegistrationBackoff { Base = TimeSpan.FromSeconds(sip.RefusedRetryBaseSeconds), Max = TimeSpan.FromSeconds(Math.Max(sip.RefusedRetryBaseSeconds, 3600)) },
                UnregisterTimeout = TimeSpan.FromMilliseconds(sip.UnregisterTimeoutMs),
                UserAgent = "Gateway/" + _runtime.Version,
            },
            _events,
            time,
            _loggerFactory.CreateLogger<AccountService>());
        var board = _runtime.Board.Config;
        var placer = new SipOutboundCallPlacer(agent, new OutboundCallOptions
        {
            Domain = domain ?? contactHostPort,
            DeviceId = _runtime.DeviceId,
            BoxAuthenticator = box,
            BoxDisplayName = board.Location?.Description,
            EmergencyNumbers = new HashSet<string>(board.EmergencyNumbers, StringComparer.Ordinal),
            EmergencyHeaders = EmergencyLocation.Headers(board.Location),
        });
        AttachStations(board, placer, contactIp, time);
        if (_audio.Select(a => a.Clock?.Scheduling).FirstOrDefault(s => s is not null) is { } scheduling)
        {
            // Every station's clock asks for the same policy under the same limits: one line says how they run.
            _runtime.Diagnostics.MediaClockScheduling = scheduling;
            LogMediaClockScheduling(scheduling, _audio.Count);
        }

        _sip.Set(new GatewaySip.SipParts(_accounts, placer, agent, contactHostPort));
        LogStarted(contactHostPort, registrar?.Uri ?? "(card only)", proxy?.Uri ?? registrar?.Uri ?? "(none)");
    }

    private Gateway.Telephony.Stations.Station? FindCallTarget(string stationId) => _runtime.Board.FindStation(stationId);

    private void AttachStations(BoardConfiguration board, IOutboundCallPlacer placer, IPAddress rtpAddress, TimeProvider time)
    {
        var factory = new StationTelephonyFactory(board, placer, rtpAddress, time, _loggerFactory);
        foreach (var config in board.Stations)
        {
            if (_runtime.Board.FindStation(config.Id) is not { } station)
            {
                continue;
            }

            var (telephony, audio) = factory.Create(config);
            _audio.Add(audio);
            station.AttachTelephony(telephony);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Media clock threads scheduled {Scheduling} ({Stations} station(s))")]
    private partial void LogMediaClockScheduling(string scheduling, int stations);

    [LoggerMessage(Level = LogLevel.Information, Message = "SIP disabled (Gateway:Sip:Enabled=false)")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Error, Message = "SIP cannot bind {Address}:{Port} ({Problem}); no registrations or calls until restart")]
    private partial void LogBindFailed(string address, int port, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "SIP on udp {Contact}; default registrar {Registrar}, outbound proxy {Proxy}")]
    private partial void LogStarted(string contact, string registrar, string proxy);
}
