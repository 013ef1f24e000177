using System.Text;
using System.Text.Json;
using Gateway.Ctl.Commands.Sip;
using Spectre.Console;

namespace Gateway.Ctl.Tests;

public sealed class SipLintCommandTests : IDisposable
{
    private readonly string _tempDir = Directory.CreateTempSubdirectory("sip-lint-").FullName;

    public void Dispose() => Directory.Delete(_tempDir, recursive: true);

    private static (int ExitCode, string Output, string Console) Run(params string[] args)
    {
        var output = new StringWriter();
        var consoleText = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(consoleText), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });

        var exitCode = GatewayCtlApp.Create(output, console).Run(args);

        return (exitCode, output.ToString(), consoleText.ToString());
    }

    private static string Rfc(string file) => Path.Combine(Corpus.Directory, file);

    private string Temp(string name, string content)
    {
        var path = Path.Combine(_tempDir, name);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(content));
        return path;
    }

    [Fact]
    public void Execute_ValidRfcRequest_PrintsOkLineAndExitsZero()
    {
        var (exitCode, output, _) = Run("sip", "lint", Rfc("cparam02.dat"));

        Assert.Equal(SipLintCommand.Valid, exitCode);
        Assert.Equal(
            $"OK  {Rfc("cparam02.dat")}: REGISTER sip:example.com SIP/2.0  Call-ID=cparam02.70710@saturn.example.com  CSeq=3 REGISTER  From=sip:watson@example.com  To=sip:watson@example.com",
            output.TrimEnd());
    }

    [Fact]
    public void Execute_ValidResponse_PrintsStatusLine()
    {
        var (exitCode, output, _) = Run("sip", "lint", Rfc("noreason.dat"));

        Assert.Equal(0, exitCode);
        Assert.StartsWith($"OK  {Rfc("noreason.dat")}: SIP/2.0 100 ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_UnterminatedQuote_PrintsErrWithLineColumnAndExitsOne()
    {
        var (exitCode, output, _) = Run("sip", "lint", Rfc("quotbal.dat"));

        Assert.Equal(SipLintCommand.Invalid, exitCode);
        Assert.StartsWith($"ERR {Rfc("quotbal.dat")}:2:5: quoted string has no closing quote", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_TempFileWithBadCSeqOnLineFour_ReportsThatPosition()
    {
        var file = Temp("bad.sip", "\r\nOPTIONS sip:a@b SIP/2.0\r\nVia: SIP/2.0/UDP h;branch=z9hG4bK1\r\nCSeq: 1x OPTIONS\r\nContent-Length: 0\r\n\r\n");

        var (exitCode, output, _) = Run("sip", "lint", file);

        Assert.Equal(1, exitCode);
        Assert.StartsWith($"ERR {file}:4:8: expected white space before the CSeq method", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_MixedFiles_PrintsOneLinePerFileAndExitsOne()
    {
        var good = Temp("good.sip", "OPTIONS sip:a@b SIP/2.0\r\nCall-ID: x@y\r\nl: 0\r\n\r\n");

        var (exitCode, output, _) = Run("sip", "lint", good, Rfc("bigcode.dat"));

        var lines = output.TrimEnd().Split(Environment.NewLine);
        Assert.Equal(1, exitCode);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("OK  ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith($"ERR {Rfc("bigcode.dat")}:1:9:", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_Json_PrintsOneObjectPerFile()
    {
        var (exitCode, output, _) = Run("sip", "lint", "--json", Rfc("unkscm.dat"), Rfc("test.dat"));

        var objects = output.TrimEnd().Split(Environment.NewLine).Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        Assert.Equal(1, exitCode);
        Assert.True(objects[0].GetProperty("ok").GetBoolean());
        Assert.Equal("3923423 OPTIONS", objects[0].GetProperty("cseq").GetString());
        Assert.StartsWith("416", objects[0].GetProperty("uaVerdict").GetString(), StringComparison.Ordinal);
        Assert.False(objects[1].GetProperty("ok").GetBoolean());
        Assert.Equal(1, objects[1].GetProperty("error").GetProperty("line").GetInt32());
        Assert.Equal("InvalidStartLine", objects[1].GetProperty("error").GetProperty("code").GetString());
    }

    [Fact]
    public void Execute_MissingFile_IsUsageErrorTwo()
    {
        var (exitCode, output, console) = Run("sip", "lint", Path.Combine(_tempDir, "absent.sip"));

        Assert.Equal(GatewayCtlApp.UsageError, exitCode);
        Assert.Empty(output);
        Assert.Contains("file not found", console, StringComparison.Ordinal);
    }

    [Fact]
    public void Execute_NoFiles_IsUsageErrorTwo() =>
        Assert.Equal(2, Run("sip", "lint").ExitCode);

    [Fact]
    public void Help_Lint_DocumentsExamplesAndExitCodes()
    {
        var (exitCode, _, console) = Run("sip", "lint", "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Exit codes: 0", console, StringComparison.Ordinal);
        Assert.Contains("gatewayctl sip lint capture/*.dat --json", console, StringComparison.Ordinal);
    }
}
