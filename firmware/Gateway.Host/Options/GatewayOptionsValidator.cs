using Microsoft.Extensions.Options;

namespace Gateway.Host.Options;

/// <summary>
/// The data-annotation rules of <see cref="GatewayOptions"/>, source-generated so that validation
/// needs no reflection (trim- and NativeAOT-safe).
/// </summary>
[OptionsValidator]
public sealed partial class GatewayOptionsValidator : IValidateOptions<GatewayOptions>;
