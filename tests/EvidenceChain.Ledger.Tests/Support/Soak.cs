namespace EvidenceChain.Ledger.Tests.Support;

/// <summary>
/// Sizes of randomized runs, from environment variables so CI runs small and a soak run large
/// (docs/testing.md). CsCheck prints the seed of any failure; set CsCheck_Seed to replay it.
/// </summary>
internal static class Soak
{
    /// <summary>EVIDENCECHAIN_PROPERTY_ITERATIONS: samples per property (default 100).</summary>
    public static long PropertyIterations { get; } = Read("EVIDENCECHAIN_PROPERTY_ITERATIONS", 100);

    private static long Read(string name, long fallback) =>
        long.TryParse(Environment.GetEnvironmentVariable(name), out long value) && value > 0 ? value : fallback;
}
