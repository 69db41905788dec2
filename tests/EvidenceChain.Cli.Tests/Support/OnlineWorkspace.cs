namespace EvidenceChain.Cli.Tests.Support;

/// <summary>
/// A depositor's machine for one test: a folder for the evidence, a config home of its own (so the
/// depositor key is made fresh and no trust file is found), and the server address in the
/// environment. Deleted with everything in it on dispose.
/// </summary>
internal sealed class OnlineWorkspace : IDisposable
{
    private readonly TempDirectory _root = new();

    public OnlineWorkspace(string serverAddress)
    {
        ServerAddress = serverAddress;
        ConfigHome = _root.File("config");
        Environment = new Dictionary<string, string>
        {
            ["XDG_CONFIG_HOME"] = ConfigHome,
            ["EVIDENCECHAIN_SERVER"] = serverAddress,
        };
    }

    public string ServerAddress { get; }

    public string ConfigHome { get; }

    /// <summary>Where the depositor key is made on first use.</summary>
    public string DepositorKeyPath => Path.Combine(ConfigHome, "evidencechain", "depositor.key");

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The full path of <paramref name="relativePath"/> ('/' separated) in the workspace.</summary>
    public string File(string relativePath) => _root.File(relativePath);

    public string Write(string relativePath, string text) => _root.Write(relativePath, text);

    public string Write(string relativePath, byte[] content) => _root.Write(relativePath, content);

    /// <summary>Runs the CLI in-process in this workspace's environment.</summary>
    public Task<CliResult> RunAsync(params string[] args) => CliRunner.RunAsync(Environment, args);

    public void Dispose() => _root.Dispose();
}
