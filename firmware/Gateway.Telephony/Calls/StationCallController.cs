using System.Text.Json.Nodes;
using Gateway.Dsp.Tones;
using Gateway.Media.Sessions;
using Gateway.Sip.UserAgent;
using Gateway.Telephony.Accounts;
using Gateway.Telephony.DialPlans;
using Microsoft.Extensions.Logging;

namespace Gateway.Telephony.Calls;

/// <summary>
/// The call state machine of one station. Every method runs on the station's loop; SIP task completions,
/// digit-collector and audio callbacks are posted there first, so no state here needs a lock except what the
/// status API reads (<see cref="Snapshot"/>).
/// </summary>
internal sealed partial class StationCallController : IDisposable
{
    private readonly IStationLine _line;
    private readonly StationTelephony _telephony;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly List<FollowMeAccount> _accounts = [];
    private IDigitCollector? _collector;
    private StationCall? _call;

    public StationCallController(IStationLine line, StationTelephony telephony, TimeProvider time, ILogger logger)
    {
        _line = line;
        _telephony = telephony;
        _time = time;
        _logger = logger;
        _telephony.Audio.DigitDetected += OnAudioDigit;
    }

    /// <summary>Gets a value indicating whether the station is collecting a number (off-hook, no call yet).</summary>
    public bool IsDialling => _collector is not null;

    /// <summary>Gets what the display shows while idle: the user at the station, else the board's idle text.</summary>
    public IReadOnlyList<string> ReadyText =>
        CurrentAccount is { } account ? [account.DisplayName, account.FollowMeNumber] : _line.IdleText;

    /// <summary>Gets the user calls are placed as: the card inserted last that is still in.</summary>
    private FollowMeAccount? CurrentAccount => _accounts.Count > 0 ? _accounts[^1] : null;

    private StationCall? Call
    {
        get => Volatile.Read(ref _call);
        set => Volatile.Write(ref _call, value);
    }

    /// <summary>Takes the call's status for /api/status; any thread.</summary>
    public CallSnapshot? Snapshot() => Call?.Snapshot(_time.GetUtcNow());

    /// <summary>The handset went off-hook.</summary>
    /// <returns>True when it answered a ringing call (the display then shows the call).</returns>
    public bool OnOffHook()
    {
        _telephony.Audio.SetOffHook(true);
        if (Call is { Direction: CallDirection.Inbound, State: StationCallState.Alerting } ringing)
        {
            Answer(ringing);
            return true;
        }

        if (Call is not null)
        {
            // A call survives only with the handset up; an off-hook here is contact bounce.
            return true;
        }

        StartDialling();
        return false;
    }

    /// <summary>
    /// Telephony has just been attached. A handset that is already off hook (lifted before the box started, or before
    /// SIP was up) raised no hook event this controller saw, so it is taken as lifted now and gets dial tone, as a
    /// handset lifted later does. Nothing happens when dialling or a call is already under way.
    /// </summary>
    /// <returns>True when dialling started.</returns>
    public bool OnAttached()
    {
        if (!_line.IsOffHook || Call is not null || IsDialling)
        {
            return false;
        }

        // Idle and off hook: OnOffHook can only start dialling here.
        _ = OnOffHook();
        return true;
    }

    /// <summary>The handset went on-hook: the call ends (BYE or CANCEL) and the station is ready again.</summary>
    public void OnOnHook()
    {
        _telephony.Audio.SetOffHook(false);
        DisarmOffHookWarning();
        StopDialling();
        if (Call is { } call && call.State != StationCallState.Alerting)
        {
            EndCall(call, "local-hangup", 0, hangUp: true, tone: null);
        }

        _telephony.Audio.StopTone();
    }

    /// <summary>A hook flash: while dialling or after a failed attempt, it starts over with dial tone.</summary>
    /// <returns>True when dialling starts over.</returns>
    public bool OnFlash()
    {
        if (Call is null && _line.IsOffHook)
        {
            StartDialling();
            return true;
        }

        return false;
    }

    /// <summary>A digit from the keypad, pulse dialling or in-band DTMF.</summary>
    /// <param name="key">The key.</param>
    /// <returns>True when it was part of a number being dialled (the display shows the digits).</returns>
    public bool OnDigit(char key)
    {
        if (_collector is { } collector)
        {
            if (collector.Digits.Length == 0)
            {
                _telephony.Audio.StopTone();
            }

            collector.Add(key);
            return true;
        }

        if (Call is { State: StationCallState.Connected, Media: { } media } && IsDtmfKey(key))
        {
            try
            {
                media.SendDigits(key.ToString());
            }
            catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException or ArgumentException)
            {
                LogMediaFailed(ex, "SendDigits");
            }
        }

        return false;
    }

    /// <summary>A card's account is now at the station.</summary>
    /// <param name="account">The account.</param>
    public void OnAccountAdded(FollowMeAccount account)
    {
        if (account.IsWiped || _accounts.Contains(account))
        {
            return;
        }

        _accounts.Add(account);
        if (_collector is { Digits.Length: 0 })
        {
            // Inserted while off-hook: dial as the new user (speed dials, no pay-phone limits).
            StartDialling();
        }
    }

    /// <summary>A card's account left the station (card removed or wiped).</summary>
    /// <param name="account">The account.</param>
    public void OnAccountRemoved(FollowMeAccount account)
    {
        if (!_accounts.Remove(account))
        {
            return;
        }

        if (Call is not { } call || !ReferenceEquals(call.Account, account))
        {
            return;
        }

        if (call.State == StationCallState.Alerting)
        {
            var status = AnswerUnreachable((SipIncomingCall)call.Sip, account, CallFilter.WhenAway(account.Profile));
            EndCall(call, "card-removed", status, hangUp: false, tone: null);
        }
        else if (_telephony.CardRemoval == CardRemovalPolicy.EndCall)
        {
            EndCall(call, "card-removed", 0, hangUp: true, tone: ToneKind.Reorder);
        }

        // Keep-until-hangup: the call goes on; the account is already gone, so new calls for the user get 480.
    }

    public void Dispose()
    {
        _telephony.Audio.DigitDetected -= OnAudioDigit;
        DisarmOffHookWarning();
        StopDialling();
        if (Call is { } call)
        {
            EndCall(call, "shutdown", 0, hangUp: true, tone: null);
        }
    }

    private static bool IsDtmfKey(char key) => key is (>= '0' and <= '9') or '*' or '#' or (>= 'A' and <= 'D');

    private void OnAudioDigit(object? sender, char digit) => _line.Post(() =>
    {
        _line.Publish("key", new JsonObject { ["key"] = digit.ToString(), ["source"] = "dtmf" });
        OnDigit(digit);
    });

    private void StartDialling()
    {
        DisarmOffHookWarning();
        StopDialling();
        IDigitCollector collector;
        try
        {
            collector = _telephony.DigitCollectors(CurrentAccount);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException)
        {
            LogMediaFailed(ex, "digit collector");
            _telephony.Audio.PlayTone(ToneKind.Reorder);
            return;
        }

        _collector = collector;
        collector.Completed += (_, outcome) => _line.Post(() => OnDialOutcome(collector, outcome));
        _telephony.Audio.PlayTone(ToneKind.Dial);
    }

    private void StopDialling()
    {
        var collector = _collector;
        _collector = null;
        collector?.Dispose();
    }

    private void OnDialOutcome(IDigitCollector collector, DialOutcome outcome)
    {
        if (!ReferenceEquals(collector, _collector))
        {
            // The user hung up or flashed after the timer fired: the attempt is gone.
            return;
        }

        StopDialling();
        if (outcome.Kind != DialOutcomeKind.Dial || string.IsNullOrEmpty(outcome.Number))
        {
            _line.Publish("dial.invalid", new JsonObject { ["keyed"] = outcome.Keyed });
            Fail(ToneKind.Reorder, ["Invalid number", outcome.Keyed]);
            return;
        }

        Place(outcome.Number);
    }

    private void Fail(ToneKind tone, IReadOnlyList<string> display)
    {
        _telephony.Audio.PlayTone(tone);
        _line.ShowDisplay(display);
        ArmOffHookWarning();
    }

    private IReadOnlyList<string> Codecs(FollowMeAccount? account) =>
        [.. (account?.Profile.PreferredCodecs ?? []).Concat(_telephony.DefaultCodecs).Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.OrdinalIgnoreCase)];

    private async Task DisposeQuietlyAsync(ICallMedia media)
    {
        try
        {
            await media.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogMediaFailed(ex, "DisposeAsync");
        }
    }

    private async Task HangUpQuietlyAsync(SipCall sip)
    {
        try
        {
            await sip.HangUpAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogSipFailed(ex, sip.CallId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call media failed in {Operation}")]
    private partial void LogMediaFailed(Exception exception, string operation);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SIP hang-up of {CallId} failed")]
    private partial void LogSipFailed(Exception exception, string callId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Placing a call to {Number} failed")]
    private partial void LogPlaceFailed(Exception exception, string number);

    [LoggerMessage(Level = LogLevel.Information, Message = "Incoming call {CallId} refused with {Status}: {Reason}")]
    private partial void LogRefused(string callId, int status, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Watching call {CallId} failed")]
    private partial void LogObserveFailed(Exception exception, string callId);
}
