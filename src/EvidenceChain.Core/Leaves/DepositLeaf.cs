using System.Buffers.Binary;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Core.Leaves;

/// <summary>
/// A deposit leaf (leaf.md §Deposit body): the commitments to a deposit's content and depositor,
/// never the content or the depositor in the clear.
/// </summary>
public sealed record DepositLeaf(
    ContentKind Kind,
    long ReceivedAtMs,
    uint UnitCount,
    DigestPair UnitsRoot,
    DigestPair Depositor)
{
    /// <summary>The only commitment scheme so far: commitment.md v1.</summary>
    public const byte CommitmentSchemeV1 = 1;

    public const int BodyLengthBytes = 1 + 1 + 8 + 4 + (4 * Digest.SizeInBytes);

    public byte[] Encode()
    {
        if (!Enum.IsDefined(Kind))
        {
            throw Error.OutOfRange(nameof(Kind), Kind, "Unknown content kind.");
        }

        if (UnitCount is 0 or > UnitPlan.UnitCountMax)
        {
            throw Error.OutOfRange(nameof(UnitCount), UnitCount, $"A deposit has 1 to {UnitPlan.UnitCountMax} units.");
        }

        if (ReceivedAtMs < 0)
        {
            throw Error.OutOfRange(nameof(ReceivedAtMs), ReceivedAtMs, "Times are Unix milliseconds, not before 1970.");
        }

        byte[] leaf = LeafEnvelope.Allocate(LeafType.Deposit, BodyLengthBytes, out Span<byte> body);
        body[0] = (byte)Kind;
        body[1] = CommitmentSchemeV1;
        BinaryPrimitives.WriteUInt64BigEndian(body[2..], (ulong)ReceivedAtMs);
        BinaryPrimitives.WriteUInt32BigEndian(body[10..], UnitCount);
        UnitsRoot.Sha256.CopyTo(body[14..]);
        UnitsRoot.Sm3.CopyTo(body[46..]);
        Depositor.Sha256.CopyTo(body[78..]);
        Depositor.Sm3.CopyTo(body[110..]);
        return leaf;
    }

    internal static bool TryDecodeBody(ReadOnlySpan<byte> body, out DepositLeaf? leaf, out string reason)
    {
        leaf = null;
        if (body.Length != BodyLengthBytes)
        {
            reason = $"a deposit body has {BodyLengthBytes} bytes, this one {body.Length}";
            return false;
        }

        var kind = (ContentKind)body[0];
        if (!Enum.IsDefined(kind))
        {
            reason = $"unknown content kind {body[0]}";
            return false;
        }

        if (body[1] != CommitmentSchemeV1)
        {
            reason = $"unknown commitment scheme {body[1]}";
            return false;
        }

        ulong receivedAt = BinaryPrimitives.ReadUInt64BigEndian(body[2..]);
        uint unitCount = BinaryPrimitives.ReadUInt32BigEndian(body[10..]);
        if (receivedAt > long.MaxValue || unitCount is 0 or > UnitPlan.UnitCountMax)
        {
            reason = receivedAt > long.MaxValue ? "the acceptance time is out of range" : $"unit count {unitCount} is outside 1 to {UnitPlan.UnitCountMax}";
            return false;
        }

        leaf = new DepositLeaf(
            kind,
            (long)receivedAt,
            unitCount,
            new DigestPair(Digest.Read(body[14..46]), Digest.Read(body[46..78])),
            new DigestPair(Digest.Read(body[78..110]), Digest.Read(body[110..142])));
        reason = string.Empty;
        return true;
    }
}
