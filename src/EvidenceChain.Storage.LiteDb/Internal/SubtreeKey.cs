using System.Diagnostics;

namespace EvidenceChain.Storage.LiteDb.Internal;

/// <summary>
/// A perfect subtree's (level, index) packed into one 64-bit document id: the level in the top
/// 6 bits, the index in the low 58. So the index of a level-0 subtree (a leaf) must stay below
/// 2^58, far beyond any tree this store will hold.
/// </summary>
internal static class SubtreeKey
{
    public const int LevelMax = 63;
    public const int IndexBits = 58;
    public const ulong IndexLimit = 1UL << IndexBits;

    public static long Pack(int level, ulong index)
    {
        Debug.Assert(level is >= 0 and <= LevelMax);
        Debug.Assert(index < IndexLimit);
        return unchecked((long)(((ulong)level << IndexBits) | index));
    }
}
