using EvidenceChain.Certificates;

namespace EvidenceChain.Certificates.Tests;

/// <summary>The certificate library stands alone: .NET only, no project of ours and no package, so the service and the CLI take it without anything else.</summary>
public sealed class CertificatesArchitectureTests
{
    [Fact]
    public void Assembly_ReferencesOnlyTheFramework()
    {
        string[] referenced = typeof(DeploymentCa).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.NotEmpty(referenced);
        Assert.All(referenced, name => Assert.True(name.StartsWith("System.", StringComparison.Ordinal) || name == "netstandard", name));
    }
}
