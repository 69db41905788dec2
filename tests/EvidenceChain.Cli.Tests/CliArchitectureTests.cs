using EvidenceChain.Cli.Offline;

namespace EvidenceChain.Cli.Tests;

/// <summary>
/// The court's verifier must build from Core alone (STYLE.md), so an expert audits a short list: the
/// assembly that implements <c>verify</c> references Core (and Timestamping, Core's RFC 3161 part, whose
/// verified token it reports) and its command-line and console libraries, never gRPC or storage. The online commands live in the executable, which may reference gRPC.
/// </summary>
public class CliArchitectureTests
{
    private static readonly string[] s_offlineAllowedPrefixes =
    [
        "System.", "netstandard", "EvidenceChain.Core", "EvidenceChain.Timestamping", "System.CommandLine", "Spectre.Console",
        "BouncyCastle.Cryptography", "NSec.Cryptography",
    ];

    [Fact]
    public void OfflineAssembly_ReferencesOnlyCoreAndConsoleLibraries()
    {
        string[] referenced = typeof(VerifyCommand).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Equal("EvidenceChain.Cli.Offline", typeof(VerifyCommand).Assembly.GetName().Name);
        Assert.Contains("EvidenceChain.Core", referenced);
        Assert.DoesNotContain(referenced, name => !s_offlineAllowedPrefixes.Any(p => name == p || name.StartsWith(p, StringComparison.Ordinal)));
        Assert.DoesNotContain(referenced, name => name.Contains("Grpc", StringComparison.Ordinal)
            || name.Contains("Protobuf", StringComparison.Ordinal)
            || name.Contains("LiteDB", StringComparison.Ordinal)
            || name == "evidencechain");
    }

    [Fact]
    public void OfflineAssembly_HoldsHashVerifyAndTheContentCode()
    {
        var offline = typeof(VerifyCommand).Assembly;

        Assert.Same(offline, typeof(HashCommand).Assembly);
        Assert.Same(offline, typeof(DepositContent).Assembly);
        Assert.Same(offline, typeof(CliContext).Assembly);
    }

    [Fact]
    public void Executable_ComposesTheOfflineCommandsAndTheOnlineOnes()
    {
        string[] referenced = typeof(CliApp).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Equal("evidencechain", typeof(CliApp).Assembly.GetName().Name);
        Assert.Contains("EvidenceChain.Cli.Offline", referenced);
        Assert.Contains("Grpc.Net.Client", referenced);
        Assert.DoesNotContain(referenced, name => name.Contains("LiteDB", StringComparison.Ordinal) || name.StartsWith("EvidenceChain.Engine", StringComparison.Ordinal));
    }
}
