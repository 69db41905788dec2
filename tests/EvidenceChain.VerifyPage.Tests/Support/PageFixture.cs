namespace EvidenceChain.VerifyPage.Tests.Support;

/// <summary>
/// One real service (its own data directory, port 0, checkpoints every 100 ms, no chain unless the
/// arguments ask for one) with a depositor's CLI and folder beside it, and one chromium with a fresh
/// profile: shared by a test class.
/// </summary>
public class PageFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _data = new();
    private readonly TempDirectory _depositor = new();
    private ServiceHostProcess? _service;
    private readonly string[] _serviceArguments;
    private Chromium? _chromium;

    public PageFixture()
        : this([])
    {
    }

    protected PageFixture(string[] serviceArguments) => _serviceArguments = serviceArguments;

    public ServiceHostProcess Service => _service ?? throw new InvalidOperationException("the fixture is not initialized");

    internal Chromium Browser => _chromium ?? throw new InvalidOperationException("the fixture is not initialized");

    /// <summary>The public listener's address, where the page is served.</summary>
    public string PublicAddress => Service.PublicAddress;

    /// <summary>The log's verifier keys as the service wrote them (what a notary office publishes).</summary>
    public string VerifierKeysPath => Path.Combine(_data.Path, "notary.vkeys");

    /// <summary>The built-in TSA's development root and its own certificate, as the service wrote them.</summary>
    public string TsaRootPath => Path.Combine(_data.Path, "tsa-root.crt");

    public string TsaCertificatePath => Path.Combine(_data.Path, "tsa.crt");

    internal DepositorCli Cli => new(Service.Address, _depositor.File("config"));

    /// <summary>Where the test run keeps its screenshots: TestResults/verify-page in the test's output directory.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "verify-page");

    public async Task InitializeAsync()
    {
        _service = ServiceHostProcess.Start(_data.Path, ["--Sequencer:Interval=00:00:00.100", .. _serviceArguments]);
        _chromium = await Chromium.LaunchAsync();
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    /// <summary>Writes <paramref name="content"/> into the depositor's folder and deposits it with the CLI.</summary>
    internal DepositedEvidence Deposit(string name, byte[] content) => Cli.Deposit(_depositor.Write(name, content));

    /// <summary>A file in the depositor's folder (tampered copies, other keys).</summary>
    public string WriteFile(string name, byte[] content) => _depositor.Write(name, content);

    public string FilePath(string name) => _depositor.File(name);

    public async Task DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
    }

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _service?.Dispose();
            _depositor.Dispose();
            _data.Dispose();
        }
    }
}
