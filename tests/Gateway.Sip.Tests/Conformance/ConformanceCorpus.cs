namespace Gateway.Sip.Tests.Conformance;

/// <summary>Locates shared/conformance/rfc4475 beside the repository and reads its manifest.</summary>
public static class ConformanceCorpus
{
    public static string Directory
    {
        get
        {
            var root = FindRepoRoot();
            var dir = Path.GetFullPath(Path.Combine(root, "..", "shared", "conformance", "rfc4475"));
            if (!System.IO.Directory.Exists(dir))
            {
                throw new DirectoryNotFoundException($"RFC 4475 corpus not found at {dir}; the conformance tests cannot run without it.");
            }

            return dir;
        }
    }

    public static IReadOnlyList<ManifestRow> ReadManifest()
    {
        var lines = File.ReadAllLines(Path.Combine(Directory, "MANIFEST.tsv"));
        var header = lines[0].Split('\t');
        Assert.Equal(["file", "rfc_section", "expected", "note"], header);
        return lines.Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(c => new ManifestRow(c[0], c[1], c[2], c[3]))
            .ToList();
    }

    public static byte[] Read(string file) => File.ReadAllBytes(Path.Combine(Directory, file));

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No Gateway.sln above {AppContext.BaseDirectory}");
    }
}

public sealed record ManifestRow(string File, string Section, string Expected, string Note);
