using Gateway.Sip.Fuzz;
using SharpFuzz;

// "afl" runs the AFL out-of-process protocol; anything else runs libFuzzer's in-process loop.
if (args.Length > 0 && args[0] == "afl")
{
    Fuzzer.OutOfProcess.Run(stream =>
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        FuzzTarget.Run(copy.ToArray());
    });
}
else
{
    Fuzzer.LibFuzzer.Run(span => FuzzTarget.Run(span));
}
