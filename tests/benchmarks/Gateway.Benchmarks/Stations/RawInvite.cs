namespace Gateway.Benchmarks.Stations;

/// <summary>What the far end needs to CANCEL or ACK an INVITE it sent; <see cref="Text"/> is the INVITE itself.</summary>
internal sealed record RawInvite(string RequestUri, string Branch, string CallId, string From, string To)
{
    public string Text { get; set; } = string.Empty;
}
