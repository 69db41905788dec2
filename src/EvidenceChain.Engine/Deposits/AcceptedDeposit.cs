using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Deposits;

/// <summary>
/// One deposit as accepted: its leaf and place in the log, its place in the promised batch, the
/// index of its promise among the outcome's notes, and whether it was a resend of an earlier deposit.
/// </summary>
public sealed record AcceptedDeposit(
    byte[] Leaf,
    Digest LeafHash,
    ulong LeafIndex,
    int BatchIndex,
    IReadOnlyList<Digest> BatchProof,
    int PromiseNumber,
    bool AlreadyDeposited);
