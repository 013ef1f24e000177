using System.Net;
using Gateway.BoardConfig;
using Gateway.Hardware;
using Gateway.Media;
using Gateway.Media.Devices.Alsa;
using Gateway.Media.Devices.Null;
using Gateway.Media.Devices.Wav;
using Gateway.Media.Sessions;
using Gateway.Telephony.Calls;
using Gateway.Telephony.DialPlans;

namespace Gateway.Host.Sip;

/// <summary>
/// Builds what each station needs for calls from the board file: its audio device (<c>wav</c>, <c>alsa</c> or none)
/// under a <see cref="StationAudio"/>, the dial plan with the card's speed dials, the ring cadence, the pay-phone
/// numbers and the board's codecs.
/// </summary>
internal sealed class StationTelephonyFactory(BoardConfiguration board, IOutboundCallPlacer placer, IPAddress rtpAddress, TimeProvider time, ILoggerFactory loggers)
{
    private const int SampleRate = 8000;

    public (StationTelephony Telephony, StationAudio Audio) Create(StationConfig station)
    {
        var audio = new StationAudio(new StationAudioOptions
        {
            Device = OpenDevice(station),
            TonePlan = board.Defaults.TonePlan,
            LocalRtpAddress = rtpAddress,
            Fxs = station.Slic is not null,
            DetectInBandDtmf = station.Slic is not null,
            Cname = $"{station.Id}@{board.Board}",
            TimeProvider = time,
            Logger = loggers.CreateLogger("Gateway.Media." + station.Id),
        });
        var map = DigitMap.Parse(board.DialPlan ?? DialPlan.DefaultMapText);
        var cadence = RingCadences.TryGet(board.RingCadenceFor(station), out var found) ? found : RingCadences.UsStandard;
        var telephony = new StationTelephony(
            audio,
            placer,
            account => new DigitCollector(new DialPlan(map, board.EmergencyNumbers, board.FreeNumbers, account?.Profile.SpeedDials), time),
            new RingCadenceSelector(cadence),
            new PayPhonePolicy(board.EmergencyNumbers, board.FreeNumbers))
        {
            DefaultCodecs = board.Defaults.Codecs,
            OffHookWarningAfter = TimeSpan.FromSeconds(board.Defaults.OffHookWarningSeconds),
            CardRemoval = board.Defaults.CardRemoval == DefaultsConfig.CardRemovalEndCall ? CardRemovalPolicy.EndCall : CardRemovalPolicy.KeepUntilHangup,
        };
        return (telephony, audio);
    }

    private IAudioDevice OpenDevice(StationConfig station)
    {
        var config = station.Audio;
        var format = AudioFormat.ForFrameMs(SampleRate, config?.PeriodMs is > 0 ? config.PeriodMs : 20);
        try
        {
            return config?.Kind switch
            {
                DeviceKinds.Wav => new WavAudioDevice(format, config.Source, config.Sink),
                DeviceKinds.Alsa when config.Device is { } device => new AlsaAudioDevice(device, format),
                _ => new NullAudioDevice(format),
            };
        }
        catch (Exception ex) when (ex is AudioDeviceException or IOException or UnauthorizedAccessException or DllNotFoundException or InvalidOperationException or ArgumentException)
        {
            // Calls still ring, connect and bill without audio; the log says why the earpiece is silent.
            loggers.CreateLogger<StationTelephonyFactory>().LogError(ex, "Station {Station}: audio {Kind} could not be opened; calls run without audio", station.Id, config?.Kind);
            return new NullAudioDevice(format);
        }
    }
}
