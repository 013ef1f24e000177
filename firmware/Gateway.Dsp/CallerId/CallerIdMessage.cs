namespace Gateway.Dsp.CallerId;

/// <summary>
/// Calling line identity as carried in an MDMF message (Telcordia GR-30, ETSI EN 300 659-3). Absence reasons are
/// 'P' (private, withheld) or 'O' (out of area, unavailable) and replace the number or name.
/// </summary>
/// <param name="Month">1–12, with <paramref name="Day"/>, <paramref name="Hour"/> and <paramref name="Minute"/> the date/time parameter; null to omit it.</param>
/// <param name="Day">1–31.</param>
/// <param name="Hour">0–23.</param>
/// <param name="Minute">0–59.</param>
/// <param name="Number">Calling number (digits), or null.</param>
/// <param name="NumberAbsence">'P' or 'O' when the number is absent, else null.</param>
/// <param name="Name">Calling name, or null.</param>
/// <param name="NameAbsence">'P' or 'O' when the name is absent, else null.</param>
public sealed record CallerIdMessage(
    int? Month, int Day, int Hour, int Minute, string? Number, char? NumberAbsence, string? Name, char? NameAbsence);
