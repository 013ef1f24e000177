namespace Gateway.Sip.IntegrationTests;

/// <summary>How a SIPp run ended, with its trace files for assertions and failure messages.</summary>
internal sealed record SippResult(int ExitCode, string Messages, string Errors, string Screen)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>How many messages SIPp received whose first line starts with <paramref name="startLine"/> and whose CSeq method is <paramref name="cseqMethod"/>.</summary>
    public int CountReceived(string startLine, string cseqMethod)
    {
        var count = 0;
        foreach (var block in Messages.Split("message received [", StringSplitOptions.None).Skip(1))
        {
            var lines = block.Split('\n').Select(l => l.TrimEnd('\r')).SkipWhile(l => !l.StartsWith("SIP/2.0", StringComparison.Ordinal)).ToList();
            if (lines.Count == 0 || !lines[0].StartsWith(startLine, StringComparison.Ordinal))
            {
                continue;
            }

            var cseq = lines.FirstOrDefault(l => l.StartsWith("CSeq:", StringComparison.OrdinalIgnoreCase));
            if (cseq is not null && cseq.TrimEnd().EndsWith(" " + cseqMethod, StringComparison.Ordinal))
            {
                count++;
            }
        }

        return count;
    }

    public override string ToString() =>
        $"sipp exit {ExitCode}\n--- errors ---\n{Errors}\n--- messages ---\n{Messages}\n--- screen (tail) ---\n{Tail(Screen, 3000)}";

    private static string Tail(string text, int length) => text.Length <= length ? text : text[^length..];
}
