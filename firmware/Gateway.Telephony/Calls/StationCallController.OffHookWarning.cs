using System.Text.Json.Nodes;
using Gateway.Dsp.Tones;

namespace Gateway.Telephony.Calls;

/// <content>
/// The off-hook warning (receiver off hook, "howler"): a handset left off after a failed or finished call, or after
/// dial tone timed out, hears reorder or busy first and then, after <see cref="StationTelephony.OffHookWarningAfter"/>,
/// the loud warning tone, so a handset knocked off its cradle in a lobby is noticed and the station can ring again.
/// </content>
internal sealed partial class StationCallController
{
    private ITimer? _warningTimer;
    private int _warningEpisode;

    /// <summary>The handset now hears a "please hang up" tone: the warning follows unless something else happens first.</summary>
    private void ArmOffHookWarning()
    {
        DisarmOffHookWarning();
        if (_telephony.OffHookWarningAfter <= TimeSpan.Zero)
        {
            return;
        }

        var episode = _warningEpisode;
        _warningTimer = _time.CreateTimer(_ => _line.Post(() => OnOffHookWarningDue(episode)), null, _telephony.OffHookWarningAfter, Timeout.InfiniteTimeSpan);
    }

    /// <summary>On-hook, a new dialling attempt, a call or shutdown: whatever was armed is void.</summary>
    private void DisarmOffHookWarning()
    {
        // A timer that already fired posts an old episode number, which the check below throws away.
        _warningEpisode++;
        _warningTimer?.Dispose();
        _warningTimer = null;
    }

    private void OnOffHookWarningDue(int episode)
    {
        if (episode != _warningEpisode || !_line.IsOffHook || Call is not null || _collector is not null)
        {
            return;
        }

        _warningTimer?.Dispose();
        _warningTimer = null;
        _telephony.Audio.PlayTone(ToneKind.OffHookWarning);
        _line.ShowDisplay(["Please hang up"]);
        _line.Publish("offhook.warning", new JsonObject { ["afterMs"] = (long)_telephony.OffHookWarningAfter.TotalMilliseconds });
    }
}
