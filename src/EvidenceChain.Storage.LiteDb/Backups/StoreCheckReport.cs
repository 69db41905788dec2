using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Storage.LiteDb.Backups;

/// <summary>
/// What <see cref="StoreMaintenance.Check"/> recomputed and found equal: the latest checkpoint's root from every leaf
/// and from the stored subtrees, every stored subtree, the anchored checkpoint's root from the leaves, and the
/// signatures when keys were given. <see cref="RootsDigest"/> covers every stored root (subtrees, checkpoints, batch
/// promises), so two reports with the same one describe the same roots.
/// </summary>
public sealed record StoreCheckReport(
    string Origin,
    ulong LeafCount,
    ulong CheckpointTreeSize,
    Digest CheckpointRoot,
    ulong SubtreesChecked,
    BackupCheckpoint? AnchoredCheckpoint,
    bool SignaturesChecked,
    Digest RootsDigest);
