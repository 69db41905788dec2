using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Leaves;

namespace EvidenceChain.Core.Deposits;

/// <summary>One deposit in a request (deposit-request.md §Entry): what the depositor commits to, and its party salt.</summary>
public sealed record DepositEntry(ContentKind Kind, uint UnitCount, DigestPair UnitsRoot, DerivedSalt PartySalt)
{
    public const int EncodedLengthBytes = 1 + 4 + (3 * Digest.SizeInBytes);

    /// <summary>Writes the entry's 101 canonical bytes (deposit-request.md §Entry).</summary>
    public void WriteTo(Span<byte> destination)
    {
        if (destination.Length < EncodedLengthBytes)
        {
            throw Error.TooShort(nameof(destination), EncodedLengthBytes, destination.Length);
        }

        destination[0] = (byte)Kind;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(destination[1..], UnitCount);
        UnitsRoot.Sha256.CopyTo(destination[5..]);
        UnitsRoot.Sm3.CopyTo(destination[37..]);
        PartySalt.Value.CopyTo(destination[69..]);
    }

    /// <summary>The deposit leaf the notary appends for this entry, accepted at <paramref name="receivedAtMs"/> from the key with <paramref name="depositorFingerprint"/>.</summary>
    public DepositLeaf ToLeaf(long receivedAtMs, Digest depositorFingerprint) => new(
        Kind,
        receivedAtMs,
        UnitCount,
        UnitsRoot,
        new DigestPair(
            PartyCommitment.Compute(TreeHash.Sha256, PartySalt, depositorFingerprint),
            PartyCommitment.Compute(TreeHash.Sm3, PartySalt, depositorFingerprint)));
}
