namespace Gateway.Ctl.IntegrationTests;

/// <summary>The flash, logs and packaging tests share one sshd "device" and one set of packages, and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class LoopbackDeviceGroup : ICollectionFixture<PackageFixture>, ICollectionFixture<LoopbackDevice>
{
    public const string Name = "loopback device";
}
