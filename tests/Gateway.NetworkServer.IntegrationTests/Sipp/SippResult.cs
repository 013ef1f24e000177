namespace Gateway.NetworkServer.IntegrationTests.Sipp;

/// <summary>How a SIPp run ended, with its trace files for failure messages.</summary>
public sealed record SippResult(int ExitCode, string Messages, string Errors, string Screen)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() =>
        $"sipp exit {ExitCode}\n--- errors ---\n{Errors}\n--- messages ---\n{Messages}\n--- screen (tail) ---\n{Tail(Screen, 3000)}";

    private static string Tail(string text, int length) => text.Length <= length ? text : text[^length..];
}
