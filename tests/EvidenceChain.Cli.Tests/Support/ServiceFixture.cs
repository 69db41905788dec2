namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// One running service (real process, own data directory, port 0) shared by a test class. Its
/// sequencer signs a checkpoint every 100 ms, so a deposit is included almost at once.
/// </summary>
public class ServiceFixture : IDisposable
{
    private readonly TempDirectory _data = new();

    public ServiceFixture()
        : this("00:00:00.100")
    {
    }

    protected ServiceFixture(string sequencerInterval, params string[] extraArguments)
    {
        Service = ServiceHostProcess.Start(_data.Path, ["--Sequencer:Interval=" + sequencerInterval, .. extraArguments]);
    }

    public string Address => Service.Address;

    /// <summary>The verifier keys the service published in its data directory: what a court would be given.</summary>
    public string VerifierKeysPath => Path.Combine(_data.Path, "notary.vkeys");

    /// <summary>The root of the development document-signing certificate, published for verifiers of certificates.</summary>
    public string CertificateSigningRootPath => Path.Combine(_data.Path, "certificate-signing-root.crt");

    /// <summary>A file the service keeps in its data directory.</summary>
    protected string DataFile(string name) => Path.Combine(_data.Path, name);

    /// <summary>Everything the service printed, for failure messages.</summary>
    public string ServiceOutput => Service.Output;

    internal ServiceHostProcess Service { get; }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (!disposing)
        {
            return;
        }

        Service.Dispose();
        _data.Dispose();

        // Refusals the CLI provokes on purpose (an unknown deposit id) are answers, not logged errors.
        Service.ThrowIfErrorsLogged();
    }
}
