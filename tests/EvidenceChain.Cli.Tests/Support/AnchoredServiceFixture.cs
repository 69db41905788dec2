using System.Runtime.Versioning;
using EvidenceChain.Chain.Ethereum;

namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// One anvil (a block a second, finalized two blocks behind its head) with the anchor contract, and
/// one real service anchoring on it with the first development key, shared by a test class. The
/// second development key is allowed as notary before the service starts, so a test can start a
/// second service with it without sending a transaction that races the first service's nonce.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class AnchoredServiceFixture : IAsyncLifetime
{
    /// <summary>
    /// anvil's development account (1), as anvil prints it at start-up: funded, like account (0).
    /// (SecondNotaryKey is the key of an account anvil does not fund.)
    /// </summary>
    public const string SecondNotaryKey = "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

    public AnchoredChain Chain { get; } = new();

    internal AnchoredService Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Chain.InitializeAsync();
        EvidenceAnchorContract second = EvidenceAnchorContract.At(Chain.Anvil.Rpc, SecondNotaryKey, AnvilProcess.ChainId, Chain.Contract.Address);
        await Chain.Contract.SetNotaryAsync(second.Sender, true, CancellationToken.None);
        Service = AnchoredService.Start(Chain.Anvil, Chain.Contract.Address, AnvilProcess.DevelopmentPrivateKey);
    }

    public async Task DisposeAsync()
    {
        try
        {
            Service?.Dispose();
        }
        finally
        {
            await Chain.DisposeAsync();
        }
    }
}
