namespace Gateway.Bench.Perf;

/// <summary>One captured frame with a payload: its kernel timestamp (Unix seconds), protocol, ports and payload text.</summary>
internal sealed record WireFrame(double Seconds, bool Udp, int SourcePort, int DestinationPort, string Text);
