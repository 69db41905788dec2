using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Tests.Support;

internal static class Hex
{
    public static byte[] Bytes(string hex) => Convert.FromHexString(hex);

    public static Digest Digest(string hex) => Core.Hashing.Digest.FromHex(hex);

    public static Digest[] Digests(IEnumerable<string> hex) => hex.Select(Digest).ToArray();
}
