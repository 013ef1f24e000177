using System.Net;
using System.Security.Cryptography;
using System.Text;
using Gateway.Host.Board;
using Gateway.Host.Cards;
using Gateway.Host.Options;
using Gateway.Host.Sip;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Api;

/// <summary>
/// The management API on Kestrel, run as one hosted service of the gateway's generic host.
/// </summary>
/// <remarks>
/// The API is a module of the host rather than the host itself: the gateway is a telephone first,
/// and it keeps working if the API is disabled or fails to bind.
/// </remarks>
public sealed partial class ManagementApiService : IHostedService, IAsyncDisposable
{
    private readonly GatewayRuntime _runtime;
    private readonly ApiOptions _options;
    private readonly string _benchCardDirectory;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<ManagementApiService> _logger;
    private readonly BenchCardReaders? _benchCards;
    private readonly GatewaySip? _sip;
    private WebApplication? _app;

    /// <summary>Initializes a new instance of the <see cref="ManagementApiService"/> class.</summary>
    /// <param name="runtime">The running gateway.</param>
    /// <param name="options">Gateway options.</param>
    /// <param name="loggerFactory">The host's logger factory, shared so API logs land in the same files.</param>
    /// <param name="benchCards">The bench card slots; without them the bench card routes are not mapped.</param>
    /// <param name="sip">The SIP stack, whose accounts the status shows; null without one.</param>
    public ManagementApiService(GatewayRuntime runtime, IOptions<GatewayOptions> options, ILoggerFactory loggerFactory, BenchCardReaders? benchCards = null, GatewaySip? sip = null)
    {
        _benchCards = benchCards;
        _sip = sip;
        ArgumentNullException.ThrowIfNull(options);
        _runtime = runtime;
        _options = options.Value.Api;
        _benchCardDirectory = options.Value.Cards.BenchCardDirectory;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<ManagementApiService>();
    }

    /// <summary>Gets the address the API listens on, once started.</summary>
    public Uri? Address { get; private set; }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            LogDisabled();
            return;
        }

        // The API's own host is configured in code. Left to its defaults it took the working directory as its content
        // root and watched it, recursively, for appsettings changes: from the repository root (the bench, perf) that was
        // every build output, log and WAV sink, and the watcher thread cost the idle gateway 5-10 % of a core (perf,
        // measured); under systemd it would be /var/lib/gateway. So: the install directory, read once, never watched.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(ManagementApiService).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(_loggerFactory);
        builder.Services.AddSingleton<IHostLifetime, InnerHostLifetime>();
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Parse(_options.BindAddress), _options.Port);
        });

        var app = builder.Build();
        StatusPage.Use(app);
        app.UseRouting();
        app.Use(GuardAsync);
        StatusEndpoints.Map(app, _runtime, _sip);
        EventsEndpoint.Map(app, _runtime);
        BenchEndpoints.Map(app, _runtime);
        BenchRingEndpoints.Map(app, _runtime);
        BenchCardListEndpoint.Map(app, _runtime, _benchCardDirectory);
        if (_benchCards is not null)
        {
            BenchCardEndpoints.Map(app, _benchCards);
        }

        // "{*path}" rather than the default "{*path:nonfile}": a missing file (say /nope.html) gets the same problem body.
        // A RequestDelegate, not a Delegate: the request delegate generator's MapFallback drops the pattern (nonfile).
        app.MapFallback("{*path}", context => Problems.WriteAsync(context, 404, "Not found", $"no route {context.Request.Method} {context.Request.Path}"));

        await app.StartAsync(cancellationToken);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Address = address is null ? null : new Uri(address);
        LogListening(Address?.ToString() ?? "?");
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        if (_options.BearerToken is { Length: > 0 } token && !HasToken(context.Request, token))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await Problems.WriteAsync(context, 401, "Unauthorized", "send 'Authorization: Bearer <token>' (Gateway:Api:BearerToken)");
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
        {
            LogRequestFailed(ex, context.Request.Method, context.Request.Path);
            await Problems.WriteAsync(context, 500, "Internal error", "the gateway could not complete the request; see the log");
        }
    }

    private static bool HasToken(HttpRequest request, string token)
    {
        var header = request.Headers.Authorization.ToString();
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(header[prefix.Length..].Trim());
        var expected = Encoding.UTF8.GetBytes(token);
        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Management API listening on {Address}")]
    private partial void LogListening(string address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Management API disabled (Gateway:Api:Enabled=false)")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Error, Message = "API request {Method} {Path} failed")]
    private partial void LogRequestFailed(Exception exception, string method, string path);
}
