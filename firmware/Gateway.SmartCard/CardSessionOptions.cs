namespace Gateway.SmartCard;

/// <summary>Operator policy and clocks for <see cref="CardSessionFactory"/>.</summary>
public sealed class CardSessionOptions
{
    /// <summary>Accept storage cards (secret readable, digest computed on the gateway, warning logged). Default true.</summary>
    public bool AllowStorageCards { get; init; } = true;

    /// <summary>How many PINs the keypad may offer per insertion before the session is refused with pin-wrong. Default 1.</summary>
    public int PinAttemptsPerInsertion { get; init; } = 1;

    /// <summary>Clock for the expiry check.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
