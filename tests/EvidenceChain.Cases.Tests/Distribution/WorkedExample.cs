using EvidenceChain.Cases.Distribution;

namespace EvidenceChain.Cases.Tests.Distribution;

/// <summary>DOMAIN.md §4.3's example in fen: 1,000,000.00 yuan net; costs, one mortgage, and ordinary creditors A (first seizure) and B (waiting list).</summary>
internal static class WorkedExample
{
    public const long NetProceedsFen = 100_000_000;
    public const byte Costs = 1;
    public const byte Mortgage = 2;
    public const byte A = 3;
    public const byte B = 4;

    public static ClaimTier[] Tiers(DebtorKind debtor) =>
    [
        new(TierKind.Costs, TierMode.Sequential, [new Claim(Costs, 2_000_000, 1_700_000_000_000)]),
        new(TierKind.Secured, TierMode.Sequential, [new Claim(Mortgage, 50_000_000, 1_600_000_000_000)]),
        new(TierKind.Ordinary, Allocator.OrdinaryModeFor(debtor), [new Claim(B, 40_000_000, 1_700_000_100_000), new Claim(A, 30_000_000, 1_700_000_000_000)]),
    ];
}
