using System.Globalization;
using System.Net;
using System.Text;
using Gateway.Sip.Auth;
using Gateway.Sip.Headers;
using Gateway.Sip.Message;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Tests.Registration;

/// <summary>
/// A registrar on the loopback network: MD5 digest with qop=auth for every user with <see cref="Password"/>,
/// grants at most <see cref="MaxExpires"/>, demands <see cref="MinExpires"/>, keeps bindings per AOR, and
/// lets a test replace any answer with <see cref="Override"/>.
/// </summary>
internal sealed class FakeRegistrar : ISipTransportReceiver
{
    public const string Realm = "test.invalid";

    private readonly Lock _gate = new();
    private readonly List<(SipRequest Request, DateTimeOffset At)> _requests = [];
    private readonly Dictionary<string, Dictionary<string, uint>> _bindings = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;
    private readonly LoopbackSipTransport _transport;
    private int _nonceNumber = 1;

    public FakeRegistrar(LoopbackSipNetwork network, IPEndPoint address, TimeProvider time, SipTransportKind kind = SipTransportKind.Udp)
    {
        _time = time;
        _transport = network.CreateTransport(kind, address);
        _transport.Start(this);
        Address = address;
    }

    public IPEndPoint Address { get; }

    public string Password { get; set; } = "secret";

    public uint MaxExpires { get; set; } = 3600;

    public uint MinExpires { get; set; }

    /// <summary>The next correctly authorized REGISTER is answered 401 stale=true with a new nonce.</summary>
    public bool StaleOnce { get; set; }

    /// <summary>When it returns text for a request, that raw response (with {VIA} etc. already filled) is sent instead.</summary>
    public Func<SipRequest, string?>? Override { get; set; }

    /// <summary>When true every request is ignored (a dead registrar).</summary>
    public bool Silent { get; set; }

    public string CurrentNonce => "nonce-" + _nonceNumber.ToString(CultureInfo.InvariantCulture);

    public IReadOnlyList<SipRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ConvertAll(r => r.Request);
            }
        }
    }

    public IReadOnlyList<DateTimeOffset> RequestTimes
    {
        get
        {
            lock (_gate)
            {
                return _requests.ConvertAll(r => r.At);
            }
        }
    }

    public IReadOnlyDictionary<string, uint> Bindings(string aor)
    {
        lock (_gate)
        {
            return _bindings.TryGetValue(aor, out var b) ? new Dictionary<string, uint>(b) : [];
        }
    }

    public void Send(string raw) => _transport.SendAsync(TestEndPoints.Client, Encoding.UTF8.GetBytes(raw)).AsTask().GetAwaiter().GetResult();

    public void OnMessage(SipMessage message, in SipInboundContext context)
    {
        if (message is not SipRequest request)
        {
            return;
        }

        lock (_gate)
        {
            _requests.Add((request, _time.GetUtcNow()));
        }

        if (Silent)
        {
            return;
        }

        var raw = Override?.Invoke(request) ?? Answer(request);
        _transport.SendAsync(context.Remote, Encoding.UTF8.GetBytes(raw)).AsTask().GetAwaiter().GetResult();
    }

    public void OnInvalidMessage(ReadOnlySpan<byte> data, SipParseError parseError, bool looksLikeResponse, in SipInboundContext context)
    {
    }

    /// <summary>A response to <paramref name="request"/> with extra header lines.</summary>
    public static string Response(SipRequest request, int status, params string[] headers)
    {
        var builder = SipResponseFactory.CreateResponse(request, status, toTag: "reg-tag");
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            builder.AddHeader(header[..colon], header[(colon + 1)..].Trim());
        }

        return Encoding.UTF8.GetString(builder.ToArray());
    }

    private string Answer(SipRequest request)
    {
        var credentials = request.Authorization.Count > 0 ? request.Authorization[0] : null;
        if (credentials is null || credentials.Nonce is null)
        {
            return Challenge(request, stale: false);
        }

        if (!IsValid(request, credentials))
        {
            return Challenge(request, stale: false);
        }

        if (credentials.Nonce != CurrentNonce || StaleOnce)
        {
            StaleOnce = false;
            _nonceNumber++;
            return Challenge(request, stale: true);
        }

        var requested = request.Expires ?? MaxExpires;
        if (requested != 0 && requested < MinExpires)
        {
            return Response(request, 423, $"Min-Expires: {MinExpires}");
        }

        var aor = request.To!.Uri.Text.ToString();
        var contact = request.Contact!.Items[0];
        var contactUri = contact.Uri.Text.ToString();
        var granted = Math.Min(requested, MaxExpires);
        lock (_gate)
        {
            if (!_bindings.TryGetValue(aor, out var bindings))
            {
                _bindings[aor] = bindings = new Dictionary<string, uint>(StringComparer.OrdinalIgnoreCase);
            }

            if (granted == 0 || contact.Expires == 0)
            {
                bindings.Remove(contactUri);
            }
            else
            {
                bindings[contactUri] = granted;
            }

            var lines = bindings.Select(b => $"Contact: <{b.Key}>;expires={b.Value}").ToArray();
            return Response(request, 200, lines);
        }
    }

    private bool IsValid(SipRequest request, SipAuthCredentials credentials)
    {
        var digest = new DigestRequest
        {
            Algorithm = DigestAlgorithm.Md5,
            Username = credentials.Username ?? string.Empty,
            Realm = Realm,
            Nonce = credentials.Nonce!,
            Method = "REGISTER",
            DigestUri = credentials.Uri ?? string.Empty,
            Qop = credentials.Qop,
            NonceCount = credentials.NonceCount,
            Cnonce = credentials.CNonce,
        };
        var ha1 = DigestCalculator.Ha1(DigestHashFunction.Md5, digest.Username, Realm, Password);
        return string.Equals(DigestCalculator.Response(digest, ha1), credentials.Response, StringComparison.Ordinal)
            && credentials.Uri == request.RequestUriText.ToString();
    }

    private string Challenge(SipRequest request, bool stale) =>
        Response(request, 401, $"WWW-Authenticate: Digest realm=\"{Realm}\", nonce=\"{CurrentNonce}\", qop=\"auth\", algorithm=MD5{(stale ? ", stale=true" : string.Empty)}");
}
