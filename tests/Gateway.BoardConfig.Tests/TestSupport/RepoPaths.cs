namespace Gateway.BoardConfig.Tests.TestSupport;

/// <summary>Locates the repository from the test output folder, so tests read the shipped files, not copies.</summary>
internal static class RepoPaths
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException($"Gateway.sln not found above {AppContext.BaseDirectory}");
        }
    }

    public static string BoardDirectory => Path.Combine(Root, "board-config");

    public static string SchemaFile => Path.Combine(BoardDirectory, "board-config.schema.json");
}
