namespace Gateway.SmartCard.IntegrationTests;

/// <summary>All tests share one pcscd and one vpcd port, so they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class PcscdGroup : ICollectionFixture<PcscdFixture>
{
    public const string Name = "pcscd";
}
