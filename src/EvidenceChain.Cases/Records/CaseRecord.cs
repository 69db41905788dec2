using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Core.Records;

namespace EvidenceChain.Cases.Records;

/// <summary>
/// A 带押过户 case's record beside the log (docs/formats/case-transition.md; leaf type 4,
/// record_schema 1): the case opened, or one transition applied. Replaying a case's records in
/// order rebuilds it (<see cref="MortgageRules.Apply"/>); each names the evidence leaves, approvals
/// and transfers it rested on.
/// </summary>
/// <param name="Nonce">32 random bytes: the record's digest cannot be confirmed by guessing its contents.</param>
/// <param name="RecordedAtMs">When it was recorded, Unix milliseconds (the leaf's is the same).</param>
/// <param name="ActorRole">The acting party's role number; 0 for the service itself.</param>
/// <param name="ActorPartyId">The actor's 16-byte id; empty exactly when the role is 0.</param>
/// <param name="ActorSalt">The 32-byte salt of the actor's commitment in the leaf; empty exactly when the role is 0.</param>
/// <param name="Opening">The case opened; null for a transition.</param>
/// <param name="Transition">The transition applied; null for an opening.</param>
public sealed record CaseRecord(byte[] Nonce, long RecordedAtMs, byte ActorRole, byte[] ActorPartyId, byte[] ActorSalt, CaseOpening? Opening, MortgageTransition? Transition)
{
    /// <summary>The record_schema of case records (openings and transitions) among case leaves (type 4).</summary>
    public const ushort Schema = 1;

    public const int NonceLengthBytes = 32;

    private static readonly byte[] s_magic = "evidencechain/case-record/v1\n"u8.ToArray();

    /// <summary>The case the record is about.</summary>
    public CaseId CaseId => Opening?.CaseId ?? Transition!.CaseId;

    private CaseRecordFields<MortgageTransition> Fields => new(Nonce, RecordedAtMs, ActorRole, ActorPartyId, ActorSalt, Opening, Transition);

    public byte[] Encode()
    {
        if (Check() is string problem)
        {
            throw new InvalidOperationException("Not a valid case record: " + problem);
        }

        return CaseRecordFrame.Encode(s_magic, Fields, WriteTransition);
    }

    /// <summary>Decodes a canonical record strictly: every field in range, nothing left over.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out CaseRecord? record, out string reason) =>
        CaseRecordFrame.TryDecode(bytes, s_magic, "case record", ReadTransition, f => new CaseRecord(f.Nonce, f.RecordedAtMs, f.ActorRole, f.ActorPartyId, f.ActorSalt, f.Opening, f.Transition), r => r.Check(), out record, out reason);

    private static void WriteTransition(RecordWriter writer, MortgageTransition t)
    {
        writer.PutUInt128(t.CaseId.Value);
        writer.PutUInt64(t.Number);
        writer.Put((byte)t.Event);
        writer.Put(t.Leg);
        writer.PutInt64(t.AmountFen);
        writer.Put((byte)t.From);
        writer.Put((byte)t.To);
        writer.PutInt64(t.AtMs);
        writer.PutBool(t.Conditions is not null);
        if (t.Conditions is ConditionSet conditions)
        {
            WriteConditions(writer, conditions);
        }

        writer.PutUInt32(t.DepositDate is DateOnly deposited ? BankRecord.DateNumber(deposited) : 0);
        writer.PutUInt128(t.FreezeSource?.Value ?? UInt128.Zero);
        TransitionFields.WriteLeaves(writer, t.ArtefactLeaves);
        TransitionFields.WriteApprovals(writer, t.Approvals);
        PayeeAccount.WriteTo(writer, t.Payee);
        TransitionFields.WriteTransfers(writer, t.Transfers);
    }

    private static MortgageTransition ReadTransition(ref RecordReader reader)
    {
        var caseId = new CaseId(reader.UInt128());
        ulong number = reader.UInt64();
        var @event = (MortgageEvent)reader.Byte();
        byte leg = reader.Byte();
        long amount = reader.Int64();
        var from = (MortgageState)reader.Byte();
        var to = (MortgageState)reader.Byte();
        long atMs = reader.Int64();
        ConditionSet? conditions = reader.Bool() ? ReadConditions(ref reader) : null;
        uint deposited = reader.UInt32();
        DateOnly? depositDate = deposited == 0 ? null : BankRecord.TryDate(deposited, out DateOnly day) ? day : throw new FormatException($"the deposit date {deposited} is not a date");
        UInt128 source = reader.UInt128();
        ulong[] leaves = TransitionFields.ReadLeaves(ref reader);
        PayoutApproval[] approvals = TransitionFields.ReadApprovals(ref reader);
        PayeeAccount? payee = PayeeAccount.ReadFrom(ref reader);
        TransferId[] transfers = TransitionFields.ReadTransfers(ref reader);
        return new MortgageTransition(caseId, number, @event, leg, amount, from, to, conditions, depositDate, source == UInt128.Zero ? null : new AccountId(source), leaves, approvals, payee, transfers, atMs);
    }

    private static void WriteConditions(RecordWriter writer, ConditionSet c)
    {
        writer.PutInt64(c.PriceFen);
        TransitionFields.WritePartyIds(writer, c.BuyerPartyIds);
        TransitionFields.WritePartyIds(writer, c.SellerPartyIds);
        writer.Put((byte)c.PayoffLegs.Count);
        foreach (PayoffLeg leg in c.PayoffLegs)
        {
            writer.Put(leg.Leg);
            writer.Put((byte)leg.Kind);
            writer.PutPartyId(leg.LenderPartyId);
            PayeeAccount.WriteTo(writer, leg.Payee);
        }

        PayeeAccount.WriteTo(writer, c.SellerPayee);
        PayeeAccount.WriteTo(writer, c.BuyerRefundPayee);
        writer.PutInt64(c.FeeFen);
        writer.Put((byte)c.FeePayer);
        PayeeAccount.WriteTo(writer, c.FeePayee);
        writer.Put((byte)c.LoanRoute);
        writer.PutInt64(c.LoanFen);
        writer.PutBool(c.BuyerLenderPartyId is not null);
        if (c.BuyerLenderPartyId is string lender)
        {
            writer.PutPartyId(lender);
        }

        writer.PutBool(c.TitleLockRequired);
        writer.Put((byte)c.InterestRule);
    }

    private static ConditionSet ReadConditions(ref RecordReader reader)
    {
        long price = reader.Int64();
        string[] buyers = TransitionFields.ReadPartyIds(ref reader);
        string[] sellers = TransitionFields.ReadPartyIds(ref reader);
        var legs = new PayoffLeg[reader.Byte()];
        for (int i = 0; i < legs.Length; i++)
        {
            legs[i] = new PayoffLeg(reader.Byte(), (LoanKind)reader.Byte(), reader.PartyId(), PayeeAccount.ReadFrom(ref reader) ?? throw new FormatException("a payoff leg has a payee"));
        }

        PayeeAccount seller = PayeeAccount.ReadFrom(ref reader) ?? throw new FormatException("the seller's payee is missing");
        PayeeAccount refund = PayeeAccount.ReadFrom(ref reader) ?? throw new FormatException("the buyer's refund payee is missing");
        long fee = reader.Int64();
        var feePayer = (FeePayer)reader.Byte();
        PayeeAccount feePayee = PayeeAccount.ReadFrom(ref reader) ?? throw new FormatException("the fee payee is missing");
        var route = (LoanRoute)reader.Byte();
        long loan = reader.Int64();
        string? lender = reader.Bool() ? reader.PartyId() : null;
        return new ConditionSet(price, buyers, sellers, legs, seller, refund, fee, feePayer, feePayee, route, loan, lender, reader.Bool(), (InterestRule)reader.Byte());
    }

    private string? Check()
    {
        if (CaseRecordFrame.Problem(Fields) is string frame)
        {
            return frame;
        }

        if (Transition is not MortgageTransition t)
        {
            return null;
        }

        return !t.CaseId.IsValid || t.Number == 0 ? "a transition names its case and a number from 1"
            : !Enum.IsDefined(t.Event) || !Enum.IsDefined(t.From) || !Enum.IsDefined(t.To) ? "an event or state is not defined"
            : t.Conditions?.Problem() is string conditions ? "its condition set: " + conditions
            : t.Payee?.Problem() is string payee ? "its payee: " + payee
            : TransitionFields.Problem(t.ArtefactLeaves, t.Approvals, t.Transfers);
    }
}
