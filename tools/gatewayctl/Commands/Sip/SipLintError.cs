namespace Gateway.Ctl.Commands.Sip;

/// <summary>Where and why a file failed to parse.</summary>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column in bytes.</param>
/// <param name="Offset">Byte offset in the file.</param>
/// <param name="Code">The parser's error code.</param>
/// <param name="Message">The explanation.</param>
public sealed record SipLintError(int Line, int Column, long Offset, string Code, string Message);
