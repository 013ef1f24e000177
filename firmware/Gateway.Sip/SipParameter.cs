namespace Gateway.Sip;

/// <summary>One ";name=value" parameter (or "name=value" URI header), value kept as written.</summary>
/// <param name="Name">The parameter name.</param>
/// <param name="Value">The value; for a quoted string, the text between the quotes with quoted-pairs kept.</param>
/// <param name="HasValue">False for a flag parameter such as ";lr".</param>
/// <param name="IsQuoted">True when the value was a quoted string.</param>
public readonly record struct SipParameter(SipText Name, SipText Value, bool HasValue, bool IsQuoted);
