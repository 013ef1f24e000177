namespace Gateway.SmartCard;

/// <summary>One speed-dial entry of the account (profile tag FF31).</summary>
/// <param name="Label">What the display shows.</param>
/// <param name="Number">E.164 number or SIP URI.</param>
public sealed record SpeedDial(string Label, string Number);
