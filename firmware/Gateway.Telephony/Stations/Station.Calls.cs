using System.Text.Json.Nodes;
using Gateway.Sip.UserAgent;
using Gateway.Telephony.Accounts;
using Gateway.Telephony.Calls;

namespace Gateway.Telephony.Stations;

/// <content>The station's link to calls: telephony attach, accounts at the station, inbound offers, the work queue.</content>
public sealed partial class Station
{
    /// <summary>
    /// Connects the station to the network: from now on off-hook gives dial tone, digits go through the dial plan and
    /// calls can be offered, and a handset already off hook gets dial tone now. Call once; without it the station only
    /// shows and reports its devices.
    /// </summary>
    /// <param name="telephony">The station's audio, call placer, dial plan and policies.</param>
    /// <exception cref="InvalidOperationException">Telephony is already attached.</exception>
    public void AttachTelephony(StationTelephony telephony)
    {
        ArgumentNullException.ThrowIfNull(telephony);
        var controller = new StationCallController(this, telephony, _timeProvider, _logger);
        if (Interlocked.CompareExchange(ref _calls, controller, null) is not null)
        {
            controller.Dispose();
            throw new InvalidOperationException($"Station {Id} already has telephony attached.");
        }

        Post(() =>
        {
            foreach (var account in AccountsSnapshot())
            {
                controller.OnAccountAdded(account);
            }

            if (controller.OnAttached())
            {
                ShowDisplay(["Dial number", string.Empty]);
            }
        });
    }

    /// <summary>
    /// Sets the account of the card in <paramref name="reader"/> (null when the card is out or refused). Incoming calls
    /// for it are accepted only while it is set and not wiped; outgoing calls are placed as the account set last.
    /// Wiping the account (<see cref="FollowMeAccount.Wipe"/>) removes it as well.
    /// </summary>
    /// <param name="reader">The reader name.</param>
    /// <param name="account">The account, or null.</param>
    /// <returns><see langword="false"/> if the reader is not bound to this station.</returns>
    public bool SetAccount(string reader, FollowMeAccount? account)
    {
        ArgumentNullException.ThrowIfNull(reader);
        FollowMeAccount? previous;
        lock (_gate)
        {
            if (!_cards.TryGetValue(reader, out var card))
            {
                return false;
            }

            _accounts.TryGetValue(reader, out previous);
            if (account is null)
            {
                _accounts.Remove(reader);
            }
            else
            {
                _accounts[reader] = account;
                _cards[reader] = card with { CardPresent = true, User = account.DisplayName, Number = account.FollowMeNumber };
            }
        }

        if (ReferenceEquals(previous, account))
        {
            return true;
        }

        if (previous is not null)
        {
            previous.Wiped -= OnAccountWiped;
            Post(() => _calls?.OnAccountRemoved(previous));
        }

        if (account is not null)
        {
            account.Wiped += OnAccountWiped;
            Post(() => _calls?.OnAccountAdded(account));
            if (account.IsWiped)
            {
                OnAccountWiped(account, EventArgs.Empty);
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public void OfferCall(SipIncomingCall incomingCall, FollowMeAccount account)
    {
        ArgumentNullException.ThrowIfNull(incomingCall);
        ArgumentNullException.ThrowIfNull(account);
        if (!Post(() => OnOffer(incomingCall, account)))
        {
            incomingCall.Reject(480);
        }
    }

    /// <inheritdoc/>
    bool IStationLine.IsOffHook => _devices.HookSwitch.IsOffHook;

    /// <inheritdoc/>
    IReadOnlyList<string> IStationLine.IdleText => _identity.IdleText;

    /// <inheritdoc/>
    void IStationLine.Publish(string type, JsonObject? data) => Publish(type, data);

    /// <inheritdoc/>
    void IStationLine.Post(Action work) => Post(work);

    /// <summary>Queues work for the station's loop; false once the station is disposed.</summary>
    private bool Post(Action work) => _work.Writer.TryWrite(work);

    private void OnOffer(SipIncomingCall incomingCall, FollowMeAccount account)
    {
        if (_calls is { } calls)
        {
            calls.OnOffer(incomingCall, account);
        }
        else
        {
            // Not connected to the network yet: the call cannot be answered here.
            incomingCall.Reject(480);
        }
    }

    private void OnAccountWiped(object? sender, EventArgs e)
    {
        if (sender is not FollowMeAccount account)
        {
            return;
        }

        account.Wiped -= OnAccountWiped;
        lock (_gate)
        {
            foreach (var (reader, present) in _accounts.ToArray())
            {
                if (ReferenceEquals(present, account))
                {
                    _accounts.Remove(reader);
                }
            }
        }

        Post(() => _calls?.OnAccountRemoved(account));
    }

    private FollowMeAccount[] AccountsSnapshot()
    {
        lock (_gate)
        {
            return [.. _accounts.Values];
        }
    }

    private async Task PumpHardwareEventsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var hardwareEvent in _hardwareEvents.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                _work.Writer.TryWrite(() => Handle(hardwareEvent));
            }

            // The devices are gone (the host completed the channel): the loop ends after the queued work.
            _work.Writer.TryComplete();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
    }
}
