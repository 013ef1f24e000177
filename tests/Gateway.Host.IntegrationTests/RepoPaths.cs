namespace Gateway.Host.IntegrationTests;

/// <summary>Finds the repository and the built gateway from the test's own output folder.</summary>
internal static class RepoPaths
{
    /// <summary>The environment variable that points the suite at a NativeAOT gateway executable instead of gateway.dll.</summary>
    public const string NativeExecutableVariable = "GATEWAY_IT_EXECUTABLE";

    public static string Root { get; } = FindRoot();

    /// <summary>Gets the configuration this test assembly was built in (Debug or Release).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    public static string GatewayDll { get; } = Path.Combine(Root, "firmware", "Gateway.Host", "bin", Configuration, "net10.0", "gateway.dll");

    private static string FindRoot()
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
