namespace Gateway.Ctl.Commands.Field;

/// <summary>The <c>--hosts</c> file: one <c>host[:port] [board]</c> per line, <c>#</c> comments.</summary>
public static class HostsFile
{
    /// <summary>Reads the file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="defaultPort">The port when a line has none.</param>
    /// <param name="defaultBoard">The board when a line has none.</param>
    /// <returns>Host, port and board per line.</returns>
    public static IReadOnlyList<(string Host, int Port, string? Board)> Read(string path, int defaultPort, string? defaultBoard)
    {
        var hosts = new List<(string, int, string?)>();
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Split('#', 2)[0].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var address = parts[0];
            var port = defaultPort;
            // host:port, [v6]:port, or a bare name / IPv4 / IPv6 address without a port.
            var colon = address.LastIndexOf(':');
            var hasPort = address.StartsWith('[') ? colon > address.IndexOf(']', StringComparison.Ordinal) : colon > 0 && colon == address.IndexOf(':', StringComparison.Ordinal);
            if (hasPort)
            {
                if (!int.TryParse(address[(colon + 1)..], out port) || port is < 1 or > 65535)
                {
                    throw new FieldException($"{path}:{number}: bad port in '{address}'", "write host or host:port, e.g. 192.168.1.50:2222", GatewayCtlApp.UsageError);
                }

                address = address[..colon];
            }

            address = address.Trim('[', ']');

            var board = parts.Length > 1 ? parts[1] : defaultBoard;
            if (board is null)
            {
                throw new FieldException($"{path}:{number}: no board for {address}", "add the board after the host, or give --board", GatewayCtlApp.UsageError);
            }

            hosts.Add((address, port, board));
        }

        return hosts.Count > 0 ? hosts : throw new FieldException($"{path} lists no hosts", "one 'host[:port] [board]' per line", GatewayCtlApp.UsageError);
    }
}
