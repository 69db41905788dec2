namespace EvidenceChain.Timestamping.Tests;

/// <summary>The timestamping library stands alone: the framework and BouncyCastle, no project of ours, so the service, the CLI and a court's verifier can each take it.</summary>
public sealed class TimestampingArchitectureTests
{
    [Fact]
    public void Assembly_ReferencesOnlyTheFrameworkAndBouncyCastle()
    {
        string[] referenced = typeof(TimestampAuthority).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Contains("BouncyCastle.Cryptography", referenced);
        Assert.All(referenced, name => Assert.True(
            name.StartsWith("System.", StringComparison.Ordinal) || name is "netstandard" or "BouncyCastle.Cryptography", name));
    }

    [Fact]
    public void Assembly_ReferencesNoIoAssembly()
    {
        // No sockets, files or processes: time, keys, certificates, serials and randomness come in as arguments.
        string[] referenced = typeof(TimestampAuthority).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.DoesNotContain(referenced, name => name.StartsWith("System.Net", StringComparison.Ordinal)
            || name is "System.IO.FileSystem" or "System.Diagnostics.Process" or "System.Console");
    }
}
