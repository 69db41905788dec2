using System.Buffers.Binary;
using System.Text;
using EvidenceChain.Cases.Internal;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Cases.Accounts;

/// <summary>
/// A case transfer's id, derived from (case, step, leg, attempt) as DOMAIN.md §6.3 asks: persisted
/// by construction, so a retry after a crash re-sends the same id and the ledger answers with the
/// first outcome instead of paying twice. A new attempt (after a bank rejected a payment) is a new id.
/// </summary>
public static class CaseTransferIds
{
    private static readonly byte[] s_context = Encoding.ASCII.GetBytes("evidencechain/case-transfer/v1\n");

    /// <summary>The transfer code of a case transfer: 100 plus its step.</summary>
    public static ushort CodeOf(CaseStep step) => (ushort)(100 + (byte)step);

    public static TransferId Of(CaseId caseId, CaseStep step, byte leg = 0, ushort attempt = 0)
    {
        Span<byte> fields = stackalloc byte[4];
        fields[0] = (byte)step;
        fields[1] = leg;
        BinaryPrimitives.WriteUInt16BigEndian(fields[2..], attempt);
        return new TransferId(Derived.Id(s_context, caseId, fields));
    }
}
