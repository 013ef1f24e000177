using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Gateway.SmartCard.PcscLite;

namespace Gateway.SmartCard.Tests;

public class PcscLayoutTests
{
    [Fact]
    public void LinuxReaderState_On64Bit_Is80Bytes()
    {
        Assert.Equal(8, IntPtr.Size);
        Assert.Equal(80, Unsafe.SizeOf<LinuxNativeMethods.ReaderState>());
        Assert.Equal(80, Marshal.SizeOf<LinuxNativeMethods.ReaderState>());
        Assert.Equal(40, (int)Marshal.OffsetOf<LinuxNativeMethods.ReaderState>(nameof(LinuxNativeMethods.ReaderState.Atr)));
    }

    [Fact]
    public void LinuxIoRequest_On64Bit_Is16Bytes()
    {
        Assert.Equal(16, Unsafe.SizeOf<LinuxNativeMethods.IoRequest>());
    }

    [Fact]
    public void WindowsStructs_On64Bit_MatchWinScard()
    {
        Assert.Equal(64, Unsafe.SizeOf<WindowsNativeMethods.ReaderState>());
        Assert.Equal(8, Unsafe.SizeOf<WindowsNativeMethods.IoRequest>());
    }

    [Fact]
    public void SplitMultiString_TwoReaders_ReturnsBoth()
    {
        var bytes = Encoding.UTF8.GetBytes("Virtual PCD 00 00\0Virtual PCD 00 01\0\0");

        Assert.Equal(["Virtual PCD 00 00", "Virtual PCD 00 01"], PcscStrings.SplitMultiString(bytes));
    }

    [Fact]
    public void ReaderStateAcknowledge_ChangedEvent_ClearsChangedBitKeepsCounter()
    {
        var state = new PcscReaderState("r", 0) { EventState = 0x0003_0022 };

        state.Acknowledge();

        Assert.Equal(0x0003_0020u, state.CurrentState);
        Assert.True(state.CardPresent);
    }

    [Theory]
    [InlineData(PcscError.NoService, true)]
    [InlineData(PcscError.ServiceStopped, true)]
    [InlineData(PcscError.RemovedCard, false)]
    public void IsServiceLost_Codes_Classified(uint code, bool expected)
    {
        Assert.Equal(expected, PcscError.IsServiceLost(code));
    }
}
