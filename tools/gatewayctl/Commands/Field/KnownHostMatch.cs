namespace Gateway.Ctl.Commands.Field;

/// <summary>The verdict on a presented host key and the known_hosts line that decided it.</summary>
/// <param name="Verdict">Known, unknown, mismatch or revoked.</param>
/// <param name="Line">The 1-based line that decided it; 0 for <see cref="KnownHostVerdict.Unknown"/>.</param>
/// <param name="OtherKeyTypes">Key types the file knows for this host besides the presented one (worth a mention when unknown).</param>
public sealed record KnownHostMatch(KnownHostVerdict Verdict, int Line, IReadOnlyList<string> OtherKeyTypes);
