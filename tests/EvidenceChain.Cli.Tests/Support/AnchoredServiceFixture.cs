namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// One anvil (a block a second, finalized two blocks behind its head) with the anchor contract, and
/// one real service anchoring on it with the first development key, shared by a test class. The
/// second development key is allowed as notary before the service starts, so a test can start a
/// second service with it without sending a transaction that races the first service's nonce.
/// </summary>
public sealed class AnchoredServiceFixture : IAsyncLifetime
{
    public AnchoredChain Chain { get; } = new();

    internal AnchoredService Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Chain.InitializeAsync();
        await Chain.AllowNotaryAsync(AnvilProcess.SecondDevelopmentPrivateKey);
        Service = AnchoredService.Start(Chain, AnvilProcess.DevelopmentPrivateKey);
    }

    public Task DisposeAsync()
    {
        try
        {
            Service?.Dispose();
        }
        finally
        {
            Chain.Dispose();
        }

        return Task.CompletedTask;
    }
}
