namespace Gateway.Host.Api;

/// <summary>One virtual card file the bench can insert (<c>GET /api/bench/cards</c>).</summary>
/// <param name="Name">The file name, e.g. <c>example-applet.json</c>.</param>
/// <param name="CardFile">The full path, to pass as <c>cardFile</c> to <c>POST /api/bench/readers/{id}/card</c>.</param>
public sealed record BenchCardFile(string Name, string CardFile);
