namespace Gateway.Ctl.Tests;

internal static class Corpus
{
    public static string Directory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
                {
                    var corpus = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "rfc4475"));
                    return System.IO.Directory.Exists(corpus) ? corpus : throw new DirectoryNotFoundException($"RFC 4475 corpus missing at {corpus}");
                }
            }

            throw new DirectoryNotFoundException("Gateway.sln not found above the test binaries");
        }
    }
}
