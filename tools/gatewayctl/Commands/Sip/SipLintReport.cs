namespace Gateway.Ctl.Commands.Sip;

/// <summary>The lint verdict on one file, as printed with --json.</summary>
public sealed record SipLintReport
{
    /// <summary>The file as given on the command line.</summary>
    public required string File { get; init; }

    /// <summary>True when the file is a syntactically valid SIP message.</summary>
    public required bool Ok { get; init; }

    /// <summary>"request" or "response", when the start line parsed.</summary>
    public string? Kind { get; init; }

    /// <summary>The start line.</summary>
    public string? StartLine { get; init; }

    /// <summary>The Call-ID value.</summary>
    public string? CallId { get; init; }

    /// <summary>The CSeq value.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("cseq")]
    public string? CSeq { get; init; }

    /// <summary>The From URI.</summary>
    public string? From { get; init; }

    /// <summary>The To URI.</summary>
    public string? To { get; init; }

    /// <summary>What a UA would do with it: "accept", "drop", or the response status and reason.</summary>
    public string? UaVerdict { get; init; }

    /// <summary>The first syntax error, when not ok.</summary>
    public SipLintError? Error { get; init; }
}
