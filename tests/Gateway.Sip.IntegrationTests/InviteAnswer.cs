namespace Gateway.Sip.IntegrationTests;

/// <summary>How <see cref="InteropUser"/> answers an INVITE.</summary>
internal enum InviteAnswer
{
    /// <summary>180 at once, then 200 (after <see cref="InteropUser.FinalDelay"/>).</summary>
    RingThenAccept,

    /// <summary>180 only; the call ends when a CANCEL arrives (487 to the INVITE).</summary>
    RingOnly,
}
