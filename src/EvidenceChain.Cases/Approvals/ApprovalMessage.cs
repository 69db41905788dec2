using System.Text;
using EvidenceChain.Core.Records;

namespace EvidenceChain.Cases.Approvals;

/// <summary>
/// What two notaries sign to approve a payout (docs/cases.md §Approvals): the case, the number its
/// next transition will have, the event, and each payout's transfer id, amount and payee account,
/// exactly. A signature approves those and nothing else: another amount, payee, transition or case
/// is another message.
/// </summary>
public static class ApprovalMessage
{
    /// <summary>The most payouts one transition makes.</summary>
    public const int PayoutCountMax = 64;

    private static readonly byte[] s_context = Encoding.ASCII.GetBytes("evidencechain/payout-approval/v1\n");

    /// <summary>The message's bytes.</summary>
    /// <param name="caseId">The case.</param>
    /// <param name="transitionNumber">The number the transition will have in the case (1 for the first).</param>
    /// <param name="eventNumber">The case event's number.</param>
    /// <param name="payouts">1 to <see cref="PayoutCountMax"/> payouts, in the transition's order.</param>
    public static byte[] Of(CaseId caseId, ulong transitionNumber, byte eventNumber, IReadOnlyList<Payout> payouts)
    {
        ArgumentNullException.ThrowIfNull(payouts);
        ArgumentOutOfRangeException.ThrowIfZero(payouts.Count, nameof(payouts));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payouts.Count, PayoutCountMax, nameof(payouts));
        var writer = new RecordWriter();
        writer.Put(s_context);
        writer.PutUInt128(caseId.Value);
        writer.PutUInt64(transitionNumber);
        writer.Put(eventNumber);
        writer.Put((byte)payouts.Count);
        foreach (Payout payout in payouts)
        {
            writer.PutUInt128(payout.TransferId.Value);
            writer.PutInt64(payout.AmountFen);
            payout.Payee.WriteTo(writer);
        }

        return writer.ToArray();
    }
}
