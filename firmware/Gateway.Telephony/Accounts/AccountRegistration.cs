using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.Sip.Registration;
using Gateway.Telephony.Events;

namespace Gateway.Telephony.Accounts;

/// <summary>
/// One account's registration as the station shows it: turns each <see cref="RegistrationStatus"/> into an event
/// (<c>registration.registering|registered|failed|unregistered</c>) and a display text. While retrying after a
/// failure the display keeps saying why ("No service", "Card refused") rather than flickering "Registering".
/// </summary>
internal sealed class AccountRegistration
{
    private readonly FollowMeAccount _account;
    private readonly IEventPublisher _events;
    private readonly TimeProvider _time;
    private readonly Action<IReadOnlyList<string>>? _display;
    private readonly Lock _gate = new();
    private bool _removed;
    private bool _everFailed;

    public AccountRegistration(FollowMeAccount account, string registrarUri, IEventPublisher events, TimeProvider time, Action<IReadOnlyList<string>>? display)
    {
        _account = account;
        RegistrarUri = registrarUri;
        _events = events;
        _time = time;
        _display = display;
    }

    public string RegistrarUri { get; }

    public RegistrationClient? Client { get; set; }

    /// <summary>The card came out: nothing more goes to the display, and events stop after the unregistered one.</summary>
    public void MarkRemoved()
    {
        lock (_gate)
        {
            _removed = true;
        }
    }

    public void OnStatus(RegistrationStatus status)
    {
        string? text;
        lock (_gate)
        {
            text = DisplayText(status);
            if (status.State == RegistrationState.Failed)
            {
                _everFailed = true;
            }
            else if (status.State == RegistrationState.Registered)
            {
                _everFailed = false;
            }

            if (_removed)
            {
                text = null;
            }
        }

        Publish(status);
        if (text is not null)
        {
            Show(text);
        }
    }

    /// <summary>A failure before any REGISTER could be sent (no registrar, AOR already registered here).</summary>
    public void OnSetupFailed(string reason)
    {
        _events.Publish(new GatewayEvent("registration.failed", _account.StationId, _time.GetUtcNow(), Data(new JsonObject { ["reason"] = reason })));
        Show("No service");
    }

    public void Show(string second)
    {
        lock (_gate)
        {
            if (_removed)
            {
                return;
            }
        }

        _display?.Invoke([_account.DisplayName, second]);
    }

    public RegistrationSnapshot Snapshot()
    {
        var status = Client?.Status;
        if (status is null)
        {
            return new RegistrationSnapshot("unregistered", RegistrarUri, null, null, null, null);
        }

        var now = _time.GetUtcNow();
        int? expiresIn = status.ExpiresAt is { } at && status.State is RegistrationState.Registered or RegistrationState.Refreshing
            ? (int)Math.Max(0, Math.Round((at - now).TotalSeconds))
            : null;
        return new RegistrationSnapshot(StateName(status.State), RegistrarUri, expiresIn, status.StatusCode, status.Reason, status.RetryAt);
    }

    internal static string StateName(RegistrationState state) => state.ToString().ToLowerInvariant();

    /// <summary>What the second display line says for a failure: the refusals are the user's problem, the rest is the network's.</summary>
    internal static string FailureText(int? statusCode) => statusCode switch
    {
        401 or 407 => "Not authorized",
        403 or 404 => "Card refused",
        _ => "No service",
    };

    private string? DisplayText(RegistrationStatus status) => status.State switch
    {
        RegistrationState.Registering when !_everFailed => "Registering",
        RegistrationState.Registered => _account.FollowMeNumber,
        RegistrationState.Failed => FailureText(status.StatusCode),
        _ => null,
    };

    private void Publish(RegistrationStatus status)
    {
        var now = _time.GetUtcNow();
        JsonObject? data = status.State switch
        {
            RegistrationState.Registering => [],
            RegistrationState.Registered => new JsonObject
            {
                ["expiresIn"] = status.ExpiresAt is { } at ? (int)Math.Round((at - now).TotalSeconds) : null,
            },
            RegistrationState.Failed => new JsonObject
            {
                ["status"] = status.StatusCode,
                ["reason"] = status.Reason,
                ["retryAt"] = status.RetryAt?.ToString("O", CultureInfo.InvariantCulture),
                ["failures"] = status.ConsecutiveFailures,
            },
            RegistrationState.Unregistered => new JsonObject { ["status"] = status.StatusCode },
            _ => null,
        };
        if (data is null)
        {
            return;
        }

        _events.Publish(new GatewayEvent("registration." + StateName(status.State), _account.StationId, now, Data(data)));
    }

    private JsonObject Data(JsonObject data)
    {
        data.Insert(0, "reader", _account.Reader);
        data.Insert(1, "user", _account.DisplayName);
        data.Insert(2, "aor", _account.Aor);
        data.Insert(3, "registrar", RegistrarUri);
        return data;
    }
}
