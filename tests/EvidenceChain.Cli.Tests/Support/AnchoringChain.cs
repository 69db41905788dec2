using EvidenceChain.Chain.Ethereum;

namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// A real anvil node for one test class, with the EvidenceAnchor contract deployed by anvil's first
/// development account, which is also allowed as a notary (the services anchor with it), and the
/// second account allowed too (tests anchor another log with it, so their transactions never race
/// the service's for the first account's nonce).
/// </summary>
public sealed class AnchoringChain : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _keys = new();
    private bool _disposed;

    public AnvilProcess Anvil { get; } = AnvilProcess.Start();

    /// <summary>The contract, used with the first development account (owner and the services' notary).</summary>
    public EvidenceAnchorContract Contract { get; private set; } = null!;

    /// <summary>The same contract, used with the second development account (another notary).</summary>
    public EvidenceAnchorContract OtherNotary { get; private set; } = null!;

    /// <summary>The first development account's key as the service reads it: a hex file, mode 0600.</summary>
    public string KeyFile { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        (Contract, _) = await EvidenceAnchorContract.DeployAsync(Anvil.Rpc, AnvilProcess.DevelopmentPrivateKey, AnvilProcess.ChainId, CancellationToken.None);
        await Contract.SetNotaryAsync(Contract.Sender, true, CancellationToken.None);
        OtherNotary = EvidenceAnchorContract.At(Anvil.Rpc, AnvilProcess.SecondDevelopmentPrivateKey, AnvilProcess.ChainId, Contract.Address);

        // The second key is not one anvil funds: give its account ether for gas (100 ETH).
        await Anvil.CallAsync("anvil_setBalance", OtherNotary.Sender, "0x56bc75e2d63100000");
        await Contract.SetNotaryAsync(OtherNotary.Sender, true, CancellationToken.None);
        KeyFile = _keys.Write("anchor.key", AnvilProcess.DevelopmentPrivateKey);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Idempotent: xunit calls both this and <see cref="DisposeAsync"/>.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Anvil.Dispose();
        _keys.Dispose();
    }
}
