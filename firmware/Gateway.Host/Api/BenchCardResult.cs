namespace Gateway.Host.Api;

/// <summary>An accepted bench card action.</summary>
/// <param name="Reader">The reader name.</param>
/// <param name="Station">The station the reader is bound to, or <see langword="null"/>.</param>
/// <param name="Action">What was done: <c>card inserted</c> or <c>card removed</c>.</param>
public sealed record BenchCardResult(string Reader, string? Station, string Action);
