namespace Gateway.Sip.Dialogs;

/// <summary>The states of a dialog (RFC 3261 §12).</summary>
public enum DialogState
{
    /// <summary>Created by a provisional response with a To tag.</summary>
    Early = 0,

    /// <summary>Created or confirmed by a 2xx.</summary>
    Confirmed,

    /// <summary>Ended (BYE, failure, or an early dialog that got a non-2xx final).</summary>
    Terminated,
}
