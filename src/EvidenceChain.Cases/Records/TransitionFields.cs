using EvidenceChain.Cases.Approvals;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Core.Records;

namespace EvidenceChain.Cases.Records;

/// <summary>The lists every kind of case transition records the same way: artefact leaves, approvals, transfers, party ids, each after a one-byte count.</summary>
internal static class TransitionFields
{
    public static void WriteLeaves(RecordWriter writer, IReadOnlyList<ulong> leaves)
    {
        writer.Put((byte)leaves.Count);
        foreach (ulong leaf in leaves)
        {
            writer.PutUInt64(leaf);
        }
    }

    public static ulong[] ReadLeaves(ref RecordReader reader)
    {
        ulong[] leaves = new ulong[reader.Byte()];
        for (int i = 0; i < leaves.Length; i++)
        {
            leaves[i] = reader.UInt64();
        }

        return leaves;
    }

    public static void WriteApprovals(RecordWriter writer, IReadOnlyList<PayoutApproval> approvals)
    {
        writer.Put((byte)approvals.Count);
        foreach (PayoutApproval approval in approvals)
        {
            writer.PutPartyId(approval.NotaryPartyId);
            writer.Put(Digest.AsBytes(approval.KeyFingerprint));
            writer.Put(approval.Signature);
        }
    }

    public static PayoutApproval[] ReadApprovals(ref RecordReader reader)
    {
        var approvals = new PayoutApproval[reader.Byte()];
        for (int i = 0; i < approvals.Length; i++)
        {
            approvals[i] = new PayoutApproval(reader.PartyId(), Digest.Read(reader.Take(Digest.SizeInBytes)), reader.Take(64).ToArray());
        }

        return approvals;
    }

    public static void WriteTransfers(RecordWriter writer, IReadOnlyList<TransferId> transfers)
    {
        writer.Put((byte)transfers.Count);
        foreach (TransferId id in transfers)
        {
            writer.PutUInt128(id.Value);
        }
    }

    public static TransferId[] ReadTransfers(ref RecordReader reader)
    {
        var transfers = new TransferId[reader.Byte()];
        for (int i = 0; i < transfers.Length; i++)
        {
            transfers[i] = new TransferId(reader.UInt128());
        }

        return transfers;
    }

    public static void WritePartyIds(RecordWriter writer, IReadOnlyList<string> ids)
    {
        writer.Put((byte)ids.Count);
        foreach (string id in ids)
        {
            writer.PutPartyId(id);
        }
    }

    public static string[] ReadPartyIds(ref RecordReader reader)
    {
        string[] ids = new string[reader.Byte()];
        for (int i = 0; i < ids.Length; i++)
        {
            ids[i] = reader.PartyId();
        }

        return ids;
    }

    /// <summary>Why a transition's lists cannot be recorded, or null.</summary>
    public static string? Problem(IReadOnlyList<ulong> leaves, IReadOnlyList<PayoutApproval> approvals, IReadOnlyList<TransferId> transfers) =>
        leaves.Count > byte.MaxValue || approvals.Count > byte.MaxValue || transfers.Count > byte.MaxValue ? "at most 255 artefacts, approvals and transfers"
        : approvals.Any(a => a.Signature.Length != 64) ? "an approval's signature is 64 bytes"
        : null;
}
