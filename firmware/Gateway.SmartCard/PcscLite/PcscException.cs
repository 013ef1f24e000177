using System.Globalization;

namespace Gateway.SmartCard.PcscLite;

/// <summary>A PC/SC call failed.</summary>
public sealed class PcscException : Exception
{
    /// <summary>Creates the exception with no details.</summary>
    public PcscException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Details.</param>
    public PcscException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    /// <param name="message">Details.</param>
    /// <param name="innerException">Cause.</param>
    public PcscException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a failed call.</summary>
    /// <param name="function">The PC/SC function.</param>
    /// <param name="errorCode">Its return code.</param>
    public PcscException(string function, uint errorCode)
        : base(string.Create(CultureInfo.InvariantCulture, $"{function} failed with 0x{errorCode:X8}."))
    {
        ErrorCode = errorCode;
    }

    /// <summary>The PC/SC return code.</summary>
    public uint ErrorCode { get; }
}
