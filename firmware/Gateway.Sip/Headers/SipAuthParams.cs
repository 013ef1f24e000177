namespace Gateway.Sip.Headers;

/// <summary>auth-scheme LWS auth-param *(COMMA auth-param), shared by challenges and credentials (RFC 3261 §25.1).</summary>
internal static class SipAuthParams
{
    public static (SipText Scheme, SipParameters Parameters) Parse(ReadOnlyMemory<byte> value, long baseOffset)
    {
        var c = new SipCursor(value, baseOffset);
        c.SkipWs();
        var scheme = c.ReadToken("auth-scheme");
        var list = new List<SipParameter>();
        c.SkipWs();
        while (!c.End)
        {
            var name = c.ReadToken("auth-param name");
            c.ExpectSeparator((byte)'=', "in auth-param");
            SipParameter param;
            if (c.Peek == '"')
            {
                param = new SipParameter(new SipText(name), new SipText(c.ReadQuotedString()), true, true);
            }
            else
            {
                var token = c.ReadToken("auth-param value");
                param = new SipParameter(new SipText(name), new SipText(token), true, false);
            }

            list.Add(param);
            c.SkipWs();
            if (c.End)
            {
                break;
            }

            c.ExpectSeparator((byte)',', "between auth-params");
        }

        return (new SipText(scheme), list.Count == 0 ? SipParameters.Empty : new SipParameters([.. list]));
    }
}
