namespace Gateway.BoardConfig;

/// <summary>One problem found in a board file.</summary>
/// <param name="File">The board file (path as given).</param>
/// <param name="JsonPath">Where in the file, e.g. <c>$.stations[0].hook.pin</c>.</param>
/// <param name="Message">What is wrong, in words an installer can act on.</param>
public sealed record BoardConfigError(string File, string JsonPath, string Message)
{
    /// <summary>Formats the error as <c>"{File}: {JsonPath}: {Message}"</c>.</summary>
    /// <returns>The one-line form used in logs and exception messages.</returns>
    public override string ToString() => $"{File}: {JsonPath}: {Message}";
}
