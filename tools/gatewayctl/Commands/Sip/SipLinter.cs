using Gateway.Sip.Message;

namespace Gateway.Ctl.Commands.Sip;

/// <summary>Turns the bytes of one file into a <see cref="SipLintReport"/>.</summary>
public static class SipLinter
{
    /// <summary>Lints one message.</summary>
    /// <param name="file">The file name to report.</param>
    /// <param name="data">The file's bytes.</param>
    /// <returns>The report.</returns>
    public static SipLintReport Lint(string file, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var result = SipMessageReader.ParseDatagram(data);
        if (!result.IsSuccess)
        {
            return new SipLintReport { File = file, Ok = false, Error = ToError(data, result.Error, 0) };
        }

        var message = result.Message;
        var syntaxError = message.FindFirstSyntaxError();
        var report = new SipLintReport
        {
            File = file,
            Ok = syntaxError is null,
            Kind = message is SipRequest ? "request" : "response",
            StartLine = message.ToString(),
        };
        if (syntaxError is { } error)
        {
            // Message offsets start after any leading CRLFs, which the file still has.
            return report with { Error = ToError(data, error, LeadingCrlfLength(data)) };
        }

        var decision = new SipInboundFilter().Evaluate(data);
        return report with
        {
            CallId = Try(() => message.CallId?.ToString()),
            CSeq = Try(() => message.CSeq?.ToString()),
            From = Try(() => message.From?.Uri.ToString()),
            To = Try(() => message.To?.Uri.ToString()),
            UaVerdict = decision.Action switch
            {
                SipInboundAction.Accept => "accept",
                SipInboundAction.Drop => $"drop: {decision.Detail}",
                _ => $"{decision.StatusCode} {SipReasonPhrases.Get(decision.StatusCode)}: {decision.Detail}",
            },
        };
    }

    /// <summary>Formats a report as one text line.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The line.</returns>
    public static string FormatText(SipLintReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        if (report.Error is { } e)
        {
            return $"ERR {report.File}:{e.Line}:{e.Column}: {e.Message} ({e.Code})";
        }

        return $"OK  {report.File}: {report.StartLine}  Call-ID={report.CallId ?? "-"}  CSeq={report.CSeq ?? "-"}  From={report.From ?? "-"}  To={report.To ?? "-"}";
    }

    private static SipLintError ToError(byte[] data, SipParseError error, int shift)
    {
        var absolute = error with { Offset = error.Offset + shift };
        var (line, column) = absolute.GetLineColumn(data);
        return new SipLintError(line, column, absolute.Offset, error.Code.ToString(), error.Detail);
    }

    private static int LeadingCrlfLength(byte[] data)
    {
        var i = 0;
        while (i + 1 < data.Length && data[i] == (byte)'\r' && data[i + 1] == (byte)'\n')
        {
            i += 2;
        }

        return i;
    }

    private static string? Try(Func<string?> read)
    {
        try
        {
            return read();
        }
        catch (SipParseException)
        {
            // Duplicate single-valued headers are a semantic error, not a syntax error; show none.
            return null;
        }
    }
}
