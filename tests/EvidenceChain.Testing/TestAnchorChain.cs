using System.Globalization;
using EvidenceChain.Chain.Ethereum;
using Xunit;

namespace EvidenceChain.Testing;

/// <summary>
/// A real anvil node with the EvidenceAnchor contract deployed by anvil's first development account,
/// which the contract also allows as notary: the account a service under test anchors with (see
/// <see cref="ServiceArguments"/>). As a class fixture it is a plain anvil; a derived fixture passes
/// its own anvil arguments, and <see cref="StartAsync"/> starts one for a single test.
/// </summary>
public class TestAnchorChain : IAsyncLifetime, IDisposable
{
    public TestAnchorChain()
        : this([])
    {
    }

    protected TestAnchorChain(params string[] anvilArguments)
    {
        Anvil = AnvilProcess.Start(anvilArguments);
    }

    public AnvilProcess Anvil { get; }

    /// <summary>The contract, used with the first development account: its owner and a notary.</summary>
    public EvidenceAnchorContract Contract { get; private set; } = null!;

    /// <summary>A chain for one test, on an anvil started with <paramref name="anvilArguments"/>.</summary>
    public static async Task<TestAnchorChain> StartAsync(params string[] anvilArguments)
    {
        var chain = new TestAnchorChain(anvilArguments);
        try
        {
            await chain.InitializeAsync();
            return chain;
        }
        catch
        {
            chain.Dispose();
            throw;
        }
    }

    public async Task InitializeAsync()
    {
        (Contract, _) = await EvidenceAnchorContract.DeployAsync(Anvil.Rpc, AnvilProcess.DevelopmentPrivateKey, AnvilProcess.ChainId, CancellationToken.None);
        await Contract.SetNotaryAsync(Contract.Sender, true, CancellationToken.None);
    }

    /// <summary>Allows <paramref name="privateKey"/>'s account as notary too; returns the contract used with that account.</summary>
    public async Task<EvidenceAnchorContract> AllowNotaryAsync(string privateKey)
    {
        EvidenceAnchorContract notary = EvidenceAnchorContract.At(Anvil.Rpc, privateKey, AnvilProcess.ChainId, Contract.Address);
        await Contract.SetNotaryAsync(notary.Sender, true, CancellationToken.None);
        return notary;
    }

    /// <summary>
    /// The service's arguments to anchor on this chain (mode rpc) with <paramref name="privateKey"/>'s
    /// account, which the contract must already allow as notary. The key is written into
    /// <paramref name="dataDirectory"/> as the file the service reads (hex, mode 0600). The service
    /// signs a checkpoint every 100 ms, anchors at most every <paramref name="anchorInterval"/>, and
    /// counts an anchor final <paramref name="finalityDepth"/> blocks below the head, or by the
    /// node's finalized tag when that is null.
    /// </summary>
    public string[] ServiceArguments(string dataDirectory, TimeSpan anchorInterval, ulong? finalityDepth, string privateKey = AnvilProcess.DevelopmentPrivateKey)
    {
        string keyFile = Path.Combine(dataDirectory, "anchor.key");
        File.WriteAllText(keyFile, privateKey);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        string[] depth = finalityDepth is ulong blocks ? ["--Anchor:FinalityDepth=" + blocks.ToString(CultureInfo.InvariantCulture)] : [];
        return
        [
            "--Sequencer:Interval=00:00:00.100",
            $"--Anchor:Rpc={Anvil.Rpc}",
            $"--Anchor:Contract={Contract.Address}",
            $"--Anchor:KeyFile={keyFile}",
            "--Anchor:ChainId=" + AnvilProcess.ChainId.ToString(CultureInfo.InvariantCulture),
            "--Anchor:Interval=" + anchorInterval.ToString("c", CultureInfo.InvariantCulture),
            .. depth,
        ];
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Nothing to do: xunit also calls <see cref="Dispose()"/>, which stops the node.</summary>
    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            Anvil.Dispose();
        }
    }
}
