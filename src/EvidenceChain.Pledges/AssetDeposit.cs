using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Pledges;

/// <summary>
/// A deposit that is part of an asset. The engine fills the roots, the count and the depositor
/// commitments from the deposit leaf (leaf.md §Deposit body); the rules compare digests only.
/// </summary>
/// <param name="LeafIndex">The deposit leaf's index in the log.</param>
/// <param name="Role">The secret, or evidence of its confidentiality measures.</param>
/// <param name="UnitsRoot">The leaf's units roots (commitment.md §Units root).</param>
/// <param name="UnitCount">The leaf's unit count, 1 to 1,048,576.</param>
/// <param name="Depositor">The leaf's depositor commitments <c>P_H</c> (commitment.md §Party commitments).</param>
public sealed record AssetDeposit(ulong LeafIndex, AssetDepositRole Role, DigestPair UnitsRoot, ulong UnitCount, DigestPair Depositor)
{
    /// <summary>The most units a deposit has (commitment.md §Units).</summary>
    public const ulong UnitCountMax = 1_048_576;
}
