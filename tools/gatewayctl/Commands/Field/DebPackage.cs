namespace Gateway.Ctl.Commands.Field;

/// <summary>A built or inspected .deb: what 'flash' checks before touching a device.</summary>
/// <param name="Path">The file.</param>
/// <param name="Version">The control Version.</param>
/// <param name="Architecture">The control Architecture (arm64, amd64, all).</param>
/// <param name="Boards">The board files inside (control field Gateway-Boards).</param>
/// <param name="SizeBytes">The file size.</param>
public sealed record DebPackage(string Path, string Version, string Architecture, IReadOnlyList<string> Boards, long SizeBytes)
{
    /// <summary>The custom control field listing the boards the package carries.</summary>
    public const string BoardsField = "Gateway-Boards";

    /// <summary>Reads the control fields with dpkg-deb.</summary>
    /// <param name="path">The .deb.</param>
    /// <param name="cancellationToken">Cancels dpkg-deb.</param>
    /// <returns>The package.</returns>
    public static async Task<DebPackage> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new FieldException($"package not found: {path}", "build one with 'gatewayctl package --rid ...' or check --package");
        }

        var (exitCode, output) = await LocalProcess.RunAsync("dpkg-deb", ["--field", path, "Package", "Version", "Architecture", BoardsField], cancellationToken);
        if (exitCode != 0)
        {
            throw new FieldException($"not a Debian package: {path}: {FirstLine(output)}", "give a .deb built by 'gatewayctl package'");
        }

        var fields = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0].Trim(), parts => parts[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (fields.GetValueOrDefault("Package") != "gateway" || !fields.TryGetValue(BoardsField, out var boards))
        {
            throw new FieldException($"{path} is not a gateway package (no Package: gateway / {BoardsField} field)", "build it with 'gatewayctl package'");
        }

        return new DebPackage(
            System.IO.Path.GetFullPath(path),
            fields.GetValueOrDefault("Version", "?"),
            fields.GetValueOrDefault("Architecture", "?"),
            boards.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            new FileInfo(path).Length);
    }

    /// <summary>The first non-empty line of tool output.</summary>
    /// <param name="output">The output.</param>
    /// <returns>The line.</returns>
    public static string FirstLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "(no output)";
}
