using System.Security.Cryptography;
using System.Text;
using EvidenceChain.Core.Deposits;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Engine.Deposits;

/// <summary>
/// What makes a resent deposit recognizable: SHA-256 over the depositor's key fingerprint and the
/// entry's canonical bytes. The same entry from another key is a different deposit.
/// </summary>
internal static class DedupeKey
{
    private static readonly byte[] s_context = Encoding.ASCII.GetBytes("evidencechain/dedupe/v1\n");

    public static Digest Compute(Digest depositorFingerprint, DepositEntry entry)
    {
        Span<byte> preimage = stackalloc byte[s_context.Length + Digest.SizeInBytes + DepositEntry.EncodedLengthBytes];
        s_context.CopyTo(preimage);
        depositorFingerprint.CopyTo(preimage[s_context.Length..]);
        entry.WriteTo(preimage[(s_context.Length + Digest.SizeInBytes)..]);
        return Digest.Read(SHA256.HashData(preimage));
    }
}
