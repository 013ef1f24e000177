namespace Gateway.Sdp;

/// <summary>A stream whose remote transport address changed in a re-offer (the peer moved, or put us on hold via 0.0.0.0).</summary>
/// <param name="MediaIndex">Index of the m= line.</param>
/// <param name="OldAddress">The previous connection address.</param>
/// <param name="OldPort">The previous port.</param>
/// <param name="NewAddress">The new connection address.</param>
/// <param name="NewPort">The new port.</param>
public sealed record SdpRemoteChange(int MediaIndex, string? OldAddress, int OldPort, string? NewAddress, int NewPort);
