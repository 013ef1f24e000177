using Gateway.Sip.Message;

namespace Gateway.Sip.Tests.Conformance;

public class Rfc4475ConformanceTests
{
    private static readonly SipInboundFilter s_filter = new(new SipRequestValidator(new SipUasCapabilities
    {
        Methods = new HashSet<string>(StringComparer.Ordinal) { "INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER", "MESSAGE", "INFO", "NOTIFY", "UPDATE", "PRACK", "REFER" },
    }));

    public static TheoryData<string, string, string> ManifestRows()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in ConformanceCorpus.ReadManifest())
        {
            data.Add(row.File, row.Expected, row.Note);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ManifestRows))]
    public void Evaluate_ManifestFile_BehavesAsCompliantEndpoint(string file, string expected, string note)
    {
        Assert.True(Rfc4475Expectations.ByFile.TryGetValue(file, out var expectation), $"manifest lists {file} but the test table has no case for it ({note})");
        var bytes = ConformanceCorpus.Read(file);

        var decision = s_filter.Evaluate(bytes);

        Assert.True(expectation.Action == decision.Action, $"{file}: expected {expectation.Action} {expectation.StatusCode}, got {decision.Action} {decision.StatusCode} ({decision.Detail})");
        Assert.Equal(expectation.StatusCode, decision.StatusCode);
        if (expected is "valid" or "valid-but-semantic-error" or "backward-compat" && !expectation.FramingIsTheError)
        {
            Assert.True(decision.Message is not null, $"{file} is '{expected}' and must parse: {decision.ParseError}");
        }

        expectation.Check?.Invoke(decision, bytes);
    }

    [Fact]
    public void ReadManifest_Corpus_ListsEveryExpectationAndFile()
    {
        var rows = ConformanceCorpus.ReadManifest();

        Assert.True(rows.Count >= 50, $"manifest has only {rows.Count} rows");
        Assert.All(rows, r => Assert.True(File.Exists(Path.Combine(ConformanceCorpus.Directory, r.File)), r.File));
        Assert.Empty(Rfc4475Expectations.ByFile.Keys.Except(rows.Select(r => r.File)));
    }

    [Theory]
    [MemberData(nameof(ManifestRows))]
    public void FindFirstSyntaxError_ParsedManifestFile_NeverThrowsOtherExceptions(string file, string expected, string note)
    {
        _ = expected;
        _ = note;
        var result = SipMessageReader.ParseDatagram(ConformanceCorpus.Read(file));

        var error = result.Message?.FindFirstSyntaxError();

        if (error is { } e)
        {
            Assert.NotEqual(SipParseErrorCode.None, e.Code);
            Assert.InRange(e.Offset, 0, result.Message!.Raw.Length);
        }
    }
}
