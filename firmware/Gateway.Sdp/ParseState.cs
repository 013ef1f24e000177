using System.Globalization;

namespace Gateway.Sdp;

/// <summary>The parser's position in the description: which lines have been seen and which section is open.</summary>
internal sealed class ParseState
{
    private readonly SdpLimits _limits;
    private SdpSessionDescription? _description;
    private SdpMediaDescription? _media;
    private bool _sawVersion;
    private bool _sawSessionName;
    private int _attributes;

    public ParseState(SdpLimits limits) => _limits = limits;

    public void Line(int line, char type, string value)
    {
        if (!_sawVersion)
        {
            if (type != 'v' || value != "0")
            {
                throw new SdpParseException(line, "SDP must start with v=0");
            }

            _sawVersion = true;
            return;
        }

        if (_description is null)
        {
            if (type != 'o')
            {
                throw new SdpParseException(line, "o= must follow v=");
            }

            _description = new SdpSessionDescription(SdpParser.ParseOrigin(line, value));
            return;
        }

        switch (type)
        {
            case 'v':
            case 'o':
                throw new SdpParseException(line, $"second {type}= line");
            case 's' when _media is null:
                if (_sawSessionName)
                {
                    throw new SdpParseException(line, "second s= line");
                }

                _description.SessionName = value;
                _sawSessionName = true;
                break;
            case 't' when _media is null:
                _description.Timing = ParseTiming(line, value);
                break;
            case 'c':
                var connection = SdpParser.ParseConnection(line, value);
                if (_media is null)
                {
                    _description.Connection = connection;
                }
                else
                {
                    _media.Connection = connection;
                }

                break;
            case 'b':
                (_media?.Bandwidths ?? _description.Bandwidths).Add(value);
                break;
            case 'm':
                RequireSessionName(line);
                if (_description.Media.Count >= _limits.MaxMedia)
                {
                    throw new SdpParseException(line, $"more than {_limits.MaxMedia} media sections");
                }

                _media = SdpParser.ParseMedia(line, value, _limits);
                _description.Media.Add(_media);
                _attributes = 0;
                break;
            case 'a':
                if (++_attributes > _limits.MaxAttributes)
                {
                    throw new SdpParseException(line, $"more than {_limits.MaxAttributes} attributes in one section");
                }

                (_media?.Attributes ?? _description.Attributes).Add(SdpParser.ParseAttribute(line, value));
                break;
            case 's' or 't':
                throw new SdpParseException(line, $"{type}= inside a media section");
            default:
                // i=, u=, e=, p=, r=, z=, k= carry nothing offer/answer needs.
                break;
        }
    }

    public SdpSessionDescription Finish(int lastLine)
    {
        if (_description is null)
        {
            throw new SdpParseException(lastLine, _sawVersion ? "no o= line" : "empty SDP");
        }

        // t= is required by RFC 8866, but some peers omit it; "0 0" is assumed then.
        RequireSessionName(lastLine);
        return _description;
    }

    private static (ulong, ulong) ParseTiming(int line, string value)
    {
        var f = value.Split(' ');
        if (f.Length != 2
            || !ulong.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !ulong.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var stop))
        {
            throw new SdpParseException(line, "t= is not '<start> <stop>'");
        }

        return (start, stop);
    }

    private void RequireSessionName(int line)
    {
        if (!_sawSessionName)
        {
            throw new SdpParseException(line, "no s= line before the media");
        }
    }
}
