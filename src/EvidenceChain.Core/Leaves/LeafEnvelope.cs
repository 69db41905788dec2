using System.Buffers.Binary;
using EvidenceChain.Core.Proofs;

namespace EvidenceChain.Core.Leaves;

/// <summary>
/// The envelope every leaf shares (leaf.md §Envelope): <c>version ‖ leaf_type ‖ u16(body_length) ‖ body</c>.
/// Decoding checks the version, the declared length, the type and the body's exact layout.
/// </summary>
public static class LeafEnvelope
{
    public const byte Version1 = 0x01;
    public const int HeaderLengthBytes = 4;
    public const int LeafLengthMaxBytes = 1024;

    internal static byte[] Allocate(LeafType type, int bodyLengthBytes, out Span<byte> body)
    {
        System.Diagnostics.Debug.Assert(HeaderLengthBytes + bodyLengthBytes <= LeafLengthMaxBytes);
        byte[] leaf = new byte[HeaderLengthBytes + bodyLengthBytes];
        leaf[0] = Version1;
        leaf[1] = (byte)type;
        BinaryPrimitives.WriteUInt16BigEndian(leaf.AsSpan(2), (ushort)bodyLengthBytes);
        body = leaf.AsSpan(HeaderLengthBytes);
        return leaf;
    }

    /// <summary>Reads the leaf type after checking the envelope; the body is not decoded.</summary>
    public static Verdict TryReadType(ReadOnlySpan<byte> leaf, out LeafType type)
    {
        type = default;
        if (leaf.Length > LeafLengthMaxBytes)
        {
            return Verdict.Fail(VerificationFailure.MalformedLeaf, $"the leaf has {leaf.Length} bytes; at most {LeafLengthMaxBytes} are allowed");
        }

        if (leaf.Length < HeaderLengthBytes)
        {
            return Verdict.Fail(VerificationFailure.MalformedLeaf, $"the leaf has only {leaf.Length} bytes");
        }

        if (leaf[0] != Version1)
        {
            return Verdict.Fail(VerificationFailure.UnsupportedVersion, $"leaf version {leaf[0]} is not known to this verifier (it knows {Version1})");
        }

        int bodyLength = BinaryPrimitives.ReadUInt16BigEndian(leaf[2..]);
        if (bodyLength != leaf.Length - HeaderLengthBytes)
        {
            return Verdict.Fail(VerificationFailure.MalformedLeaf, $"the leaf declares a {bodyLength}-byte body but has {leaf.Length - HeaderLengthBytes}");
        }

        type = (LeafType)leaf[1];
        return Enum.IsDefined(type)
            ? Verdict.Valid
            : Verdict.Fail(VerificationFailure.UnexpectedLeafType, $"leaf type {leaf[1]} is reserved");
    }

    /// <summary>Decodes a leaf that must be a deposit leaf.</summary>
    public static Verdict TryDecodeDeposit(ReadOnlySpan<byte> leaf, out DepositLeaf? deposit)
    {
        deposit = null;
        Verdict envelope = TryReadType(leaf, out LeafType type);
        if (!envelope.IsValid)
        {
            return envelope;
        }

        if (type != LeafType.Deposit)
        {
            return Verdict.Fail(VerificationFailure.UnexpectedLeafType, $"expected a deposit leaf, got a {type} leaf");
        }

        return DepositLeaf.TryDecodeBody(leaf[HeaderLengthBytes..], out deposit, out string reason)
            ? Verdict.Valid
            : Verdict.Fail(VerificationFailure.MalformedLeaf, reason);
    }

    /// <summary>Decodes a leaf that must be a record leaf of <paramref name="expectedType"/>.</summary>
    public static Verdict TryDecodeRecord(ReadOnlySpan<byte> leaf, LeafType expectedType, out RecordLeaf? record)
    {
        record = null;
        Verdict envelope = TryReadType(leaf, out LeafType type);
        if (!envelope.IsValid)
        {
            return envelope;
        }

        if (type != expectedType || type == LeafType.Deposit)
        {
            return Verdict.Fail(VerificationFailure.UnexpectedLeafType, $"expected a {expectedType} leaf, got a {type} leaf");
        }

        return RecordLeaf.TryDecodeBody(type, leaf[HeaderLengthBytes..], out record, out string reason)
            ? Verdict.Valid
            : Verdict.Fail(VerificationFailure.MalformedLeaf, reason);
    }
}
