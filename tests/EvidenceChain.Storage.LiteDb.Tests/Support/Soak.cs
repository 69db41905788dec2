namespace EvidenceChain.Storage.LiteDb.Tests.Support;

/// <summary>
/// Sizes of randomized runs, from environment variables so CI runs small and a soak run large.
/// CsCheck prints the seed of any failure; set CsCheck_Seed to replay it.
/// </summary>
internal static class Soak
{
    /// <summary>EVIDENCECHAIN_PROPERTY_ITERATIONS: samples per property (default 100).</summary>
    public static long PropertyIterations { get; } =
        long.TryParse(Environment.GetEnvironmentVariable("EVIDENCECHAIN_PROPERTY_ITERATIONS"), out long value) && value > 0 ? value : 100;

    /// <summary>EVIDENCECHAIN_CONCURRENCY_BATCHES: batches of 400 leaves the concurrency run writes under readers (default 60: enough that LiteDB alone failed every run here).</summary>
    public static int ConcurrencyBatches { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("EVIDENCECHAIN_CONCURRENCY_BATCHES"), out int value) && value > 1 ? value : 60;
}
