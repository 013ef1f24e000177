using Gateway.Dsp.Tones;
using Gateway.Media.Sessions;

namespace Gateway.Telephony.Tests.Calls;

/// <summary>Records what the handset would hear: tones (and stops), caller IDs, the call media created.</summary>
internal sealed class FakeStationAudio : IStationAudio
{
    private readonly Lock _gate = new();
    private readonly List<string> _log = [];

    public event EventHandler<char>? DigitDetected;

    public event EventHandler<string>? FaxToneDetected;

    public List<FakeCallMedia> Medias { get; } = [];

    public List<(string Number, string? Name)> CallerIds { get; } = [];

    /// <summary>Applied to each media created.</summary>
    public Action<FakeCallMedia>? Configure { get; set; }

    public ToneKind? Tone { get; private set; }

    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_gate)
            {
                return [.. _log];
            }
        }
    }

    public void PlayTone(ToneKind kind)
    {
        lock (_gate)
        {
            Tone = kind;
            _log.Add(kind.ToString());
        }
    }

    public bool OffHook { get; private set; }

    public void SetOffHook(bool offHook) => OffHook = offHook;

    public void StopTone()
    {
        lock (_gate)
        {
            Tone = null;
            _log.Add("stop");
        }
    }

    public void SendCallerId(string number, string? name, DateTimeOffset time)
    {
        lock (_gate)
        {
            CallerIds.Add((number, name));
        }
    }

    public ICallMedia CreateCallMedia(IReadOnlyList<string> codecPreferences)
    {
        var media = new FakeCallMedia(codecPreferences);
        Configure?.Invoke(media);
        lock (_gate)
        {
            Medias.Add(media);
        }

        return media;
    }

    public void DetectDigit(char digit) => DigitDetected?.Invoke(this, digit);

    public void DetectFax(string tone) => FaxToneDetected?.Invoke(this, tone);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
