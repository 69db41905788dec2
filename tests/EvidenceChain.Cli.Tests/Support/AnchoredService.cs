namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// The real service as a process anchoring on a chain of the test's (mode rpc): a checkpoint every
/// 100 ms and an anchoring round every second, finality by the node's finalized tag unless a depth
/// is given. Each service anchors with its own key, so two of them on one chain never race for a nonce.
/// </summary>
internal sealed class AnchoredService : IDisposable
{
    private readonly TempDirectory _data;

    private AnchoredService(ServiceHostProcess service, TempDirectory data)
    {
        Service = service;
        _data = data;
    }

    public ServiceHostProcess Service { get; }

    public string Address => Service.Address;

    /// <summary>The verifier keys the service published: what a court would be given.</summary>
    public string VerifierKeysPath => Path.Combine(_data.Path, "notary.vkeys");

    /// <summary>
    /// Starts a service anchoring on <paramref name="chain"/> with <paramref name="privateKey"/>, which
    /// the contract must already allow as notary; <paramref name="finalityDepth"/> null uses the finalized tag.
    /// </summary>
    public static AnchoredService Start(TestAnchorChain chain, string privateKey, ulong? finalityDepth = null)
    {
        var data = new TempDirectory();
        ServiceHostProcess service = ServiceHostProcess.Start(data.Path, chain.ServiceArguments(data.Path, TimeSpan.FromSeconds(1), finalityDepth, privateKey));
        return new AnchoredService(service, data);
    }

    /// <summary>A depositor's machine pointed at this service.</summary>
    public OnlineWorkspace Workspace() => new(Address);

    public void Dispose()
    {
        Service.Dispose();
        _data.Dispose();

        // Errors nobody expected are bugs even when every assertion held.
        Service.ThrowIfErrorsLogged();
    }
}
