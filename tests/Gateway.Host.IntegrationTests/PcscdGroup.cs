namespace Gateway.Host.IntegrationTests;

/// <summary>
/// Tests that use pcscd and the vpcd ports share one daemon and one set of readers, so they run one at a time.
/// Every other gateway these tests start has cards disabled (see <see cref="GatewayProcess"/>), so it cannot grab
/// a card meant for this collection.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PcscdGroup : ICollectionFixture<PcscdFixture>
{
    public const string Name = "pcscd";
}
