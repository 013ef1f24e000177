using Gateway.Media.Devices.Alsa;

namespace Gateway.Media.Tests;

public sealed class AlsaTests(ITestOutputHelper output)
{
    [Fact]
    public void NoSuchDevice_AudioDeviceException()
    {
        var ex = Assert.Throws<AudioDeviceException>(() => new AlsaAudioDevice("hw:77,0", new AudioFormat(8000, 160)));
        output.WriteLine(ex.Message);
    }

    [Fact]
    public async Task NullPcm_OpensPlaysAndCaptures_OrNoLibasound()
    {
        AlsaAudioDevice device;
        try
        {
            device = new AlsaAudioDevice("null", new AudioFormat(8000, 160));
        }
        catch (AudioDeviceException ex) when (ex.Message.Contains("libasound.so.2 is not installed", StringComparison.Ordinal))
        {
            output.WriteLine("libasound not installed: " + ex.Message);
            return;
        }

        using (device)
        {
            var frame = new short[160];
            for (var i = 0; i < 20; i++)
            {
                device.Playout(frame);
                _ = device.Capture(frame);
                await Task.Delay(20);
            }

            output.WriteLine($"recoveries {device.Recoveries}, dropped {device.FramesDropped}, failure {device.Failure}");
            Assert.Null(device.Failure);
        }
    }

    [Fact]
    public void FrameOutsidePeriodRange_Rejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new AlsaAudioDevice("null", new AudioFormat(8000, 320 * 2)));
}
