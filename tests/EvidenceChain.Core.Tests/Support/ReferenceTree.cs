using System.Security.Cryptography;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Tests.Support;

/// <summary>
/// A naive RFC 9162 §2.1 tree written straight from the RFC's recursive definitions (MTH, PATH,
/// PROOF/SUBPROOF), with one-shot hashing and byte arrays: slow and obviously right, to cross-check
/// the fast code. Works for SHA-256 and SM3.
/// </summary>
internal sealed class ReferenceTree(TreeHash algorithm, IReadOnlyList<byte[]> leaves)
{
    public byte[] Mth(int begin, int end)
    {
        int n = end - begin;
        if (n == 0)
        {
            return H([]);
        }

        if (n == 1)
        {
            return H([0x00, .. leaves[begin]]);
        }

        int k = LargestPowerOfTwoBelow(n);
        return H([0x01, .. Mth(begin, begin + k), .. Mth(begin + k, end)]);
    }

    public List<byte[]> Path(int m, int begin, int end)
    {
        int n = end - begin;
        if (n == 1)
        {
            return [];
        }

        int k = LargestPowerOfTwoBelow(n);
        return m < k
            ? [.. Path(m, begin, begin + k), Mth(begin + k, end)]
            : [.. Path(m - k, begin + k, end), Mth(begin, begin + k)];
    }

    public List<byte[]> Proof(int m, int n) => Subproof(m, 0, n, true);

    private List<byte[]> Subproof(int m, int begin, int end, bool b)
    {
        int n = end - begin;
        if (m == n)
        {
            return b ? [] : [Mth(begin, end)];
        }

        int k = LargestPowerOfTwoBelow(n);
        return m <= k
            ? [.. Subproof(m, begin, begin + k, b), Mth(begin + k, end)]
            : [.. Subproof(m - k, begin + k, end, false), Mth(begin, begin + k)];
    }

    private byte[] H(byte[] data) => algorithm == TreeHash.Sha256 ? SHA256.HashData(data) : Sm3.HashData(data).ToArray();

    private static int LargestPowerOfTwoBelow(int n)
    {
        int k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return k;
    }
}
