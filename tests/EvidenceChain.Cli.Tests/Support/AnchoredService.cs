using System.Globalization;
using System.Runtime.Versioning;

namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// The real service as a process anchoring on an anvil of the test's (mode rpc): a checkpoint every
/// 100 ms and an anchoring round every second, finality by the node's finalized tag unless a depth
/// is given. Each service anchors with its own key, so two of them on one chain never race for a nonce.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class AnchoredService : IDisposable
{
    private readonly TempDirectory _data;
    private readonly TempDirectory _key;

    private AnchoredService(ServiceHostProcess service, TempDirectory data, TempDirectory key)
    {
        Service = service;
        _data = data;
        _key = key;
    }

    public ServiceHostProcess Service { get; }

    public string Address => Service.Address;

    /// <summary>The verifier keys the service published: what a court would be given.</summary>
    public string VerifierKeysPath => Path.Combine(_data.Path, "notary.vkeys");

    /// <summary>
    /// Starts a service anchoring on <paramref name="contract"/> with <paramref name="privateKey"/>, which
    /// the contract must already allow as notary; <paramref name="finalityDepth"/> null uses the finalized tag.
    /// </summary>
    public static AnchoredService Start(AnvilProcess anvil, string contract, string privateKey, ulong? finalityDepth = null)
    {
        var key = new TempDirectory();
        string keyFile = key.Write("anchor.key", privateKey);
        File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var data = new TempDirectory();
        string[] depth = finalityDepth is ulong blocks ? [$"--Anchor:FinalityDepth={blocks.ToString(CultureInfo.InvariantCulture)}"] : [];
        ServiceHostProcess service = ServiceHostProcess.Start(
            data.Path,
            [
                "--Sequencer:Interval=00:00:00.100",
                $"--Anchor:Rpc={anvil.Rpc}",
                $"--Anchor:Contract={contract}",
                $"--Anchor:KeyFile={keyFile}",
                $"--Anchor:ChainId={AnvilProcess.ChainId.ToString(CultureInfo.InvariantCulture)}",
                "--Anchor:Interval=00:00:01",
                .. depth,
            ]);
        return new AnchoredService(service, data, key);
    }

    /// <summary>A depositor's machine pointed at this service.</summary>
    public OnlineWorkspace Workspace() => new(Address);

    public void Dispose()
    {
        Service.Dispose();
        _data.Dispose();
        _key.Dispose();

        // Errors nobody expected are bugs even when every assertion held.
        Service.ThrowIfErrorsLogged();
    }
}
