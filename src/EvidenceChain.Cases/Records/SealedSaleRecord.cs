using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Distribution;
using EvidenceChain.Cases.Sealed;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;
using EvidenceChain.Core.Records;

namespace EvidenceChain.Cases.Records;

/// <summary>
/// A 带封过户 case's record beside the log (docs/formats/sealed-sale-transition.md; leaf type 4,
/// record_schema 3): the case opened, or one transition applied. Replaying a case's records in order
/// rebuilds it (<see cref="SealedSaleRules.Apply"/>). The nonce and actor are as in <see cref="CaseRecord"/>.
/// </summary>
public sealed record SealedSaleRecord(byte[] Nonce, long RecordedAtMs, byte ActorRole, byte[] ActorPartyId, byte[] ActorSalt, CaseOpening? Opening, SealedSaleTransition? Transition)
{
    /// <summary>The record_schema of 带封过户 records (openings and transitions) among case leaves (type 4).</summary>
    public const ushort Schema = 3;

    private static readonly byte[] s_magic = "evidencechain/sealed-sale-record/v1\n"u8.ToArray();

    /// <summary>The case the record is about.</summary>
    public CaseId CaseId => Opening?.CaseId ?? Transition!.CaseId;

    private CaseRecordFields<SealedSaleTransition> Fields => new(Nonce, RecordedAtMs, ActorRole, ActorPartyId, ActorSalt, Opening, Transition);

    public byte[] Encode()
    {
        if (Check() is string problem)
        {
            throw new InvalidOperationException("Not a valid sealed-sale record: " + problem);
        }

        return CaseRecordFrame.Encode(s_magic, Fields, WriteTransition);
    }

    /// <summary>Decodes a canonical record strictly: every field in range, nothing left over.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out SealedSaleRecord? record, out string reason) =>
        CaseRecordFrame.TryDecode(bytes, s_magic, "sealed-sale record", ReadTransition, f => new SealedSaleRecord(f.Nonce, f.RecordedAtMs, f.ActorRole, f.ActorPartyId, f.ActorSalt, f.Opening, f.Transition), r => r.Check(), out record, out reason);

    private static void WriteTransition(RecordWriter writer, SealedSaleTransition t)
    {
        writer.PutUInt128(t.CaseId.Value);
        writer.PutUInt64(t.Number);
        writer.Put((byte)t.Event);
        writer.Put(t.Leg);
        writer.PutInt64(t.AmountFen);
        writer.Put((byte)t.From);
        writer.Put((byte)t.To);
        writer.PutInt64(t.AtMs);
        writer.PutBool(t.Seizure is not null);
        if (t.Seizure is Seizure s)
        {
            writer.Put(s.Number);
            writer.Put(s.Property);
            writer.PutPartyId(s.CourtPartyId);
            writer.PutText(s.CourtCaseNumber);
            writer.PutInt64(s.SeizedAtMs);
            writer.Put((byte)s.Rank);
            writer.PutInt64(s.ClaimFen);
            writer.PutUInt64(s.ArtefactLeaf);
        }

        writer.PutBool(t.Conditions is not null);
        if (t.Conditions is SealedSaleConditions c)
        {
            writer.PutInt64(c.PriceFen);
            TransitionFields.WritePartyIds(writer, c.BuyerPartyIds);
            TransitionFields.WritePartyIds(writer, c.DebtorPartyIds);
            writer.Put((byte)c.DebtorKind);
            c.BuyerRefundPayee.WriteTo(writer);
            c.DebtorPayee.WriteTo(writer);
            writer.PutUInt32(BankRecord.DateNumber(c.PaymentDueDate));
            writer.PutInt64(c.ForfeitOnDefaultFen);
        }

        writer.PutBool(t.Plan is not null);
        t.Plan?.WriteTo(writer);
        writer.PutUInt32(t.Day is DateOnly day ? BankRecord.DateNumber(day) : 0);
        TransitionFields.WriteLeaves(writer, t.ArtefactLeaves);
        TransitionFields.WriteApprovals(writer, t.Approvals);
        PayeeAccount.WriteTo(writer, t.Payee);
        TransitionFields.WriteTransfers(writer, t.Transfers);
    }

    private static SealedSaleTransition ReadTransition(ref RecordReader reader)
    {
        var caseId = new CaseId(reader.UInt128());
        ulong number = reader.UInt64();
        var @event = (SealedSaleEvent)reader.Byte();
        byte leg = reader.Byte();
        long amount = reader.Int64();
        var from = (SealedSaleState)reader.Byte();
        var to = (SealedSaleState)reader.Byte();
        long atMs = reader.Int64();
        Seizure? seizure = reader.Bool()
            ? new Seizure(reader.Byte(), reader.Byte(), reader.PartyId(), reader.Text(), reader.Int64(), (SeizureRank)reader.Byte(), reader.Int64(), reader.UInt64())
            : null;
        SealedSaleConditions? conditions = reader.Bool()
            ? new SealedSaleConditions(
                reader.Int64(),
                TransitionFields.ReadPartyIds(ref reader),
                TransitionFields.ReadPartyIds(ref reader),
                (DebtorKind)reader.Byte(),
                PayeeAccount.ReadFrom(ref reader) ?? throw new FormatException("the buyer's refund payee is missing"),
                PayeeAccount.ReadFrom(ref reader) ?? throw new FormatException("the debtor's payee is missing"),
                Date(reader.UInt32()) ?? throw new FormatException("the payment due date is missing"),
                reader.Int64())
            : null;
        DistributionPlan? plan = reader.Bool() ? DistributionPlan.ReadFrom(ref reader) : null;
        DateOnly? day = Date(reader.UInt32());
        ulong[] leaves = TransitionFields.ReadLeaves(ref reader);
        PayoutApproval[] approvals = TransitionFields.ReadApprovals(ref reader);
        PayeeAccount? payee = PayeeAccount.ReadFrom(ref reader);
        TransferId[] transfers = TransitionFields.ReadTransfers(ref reader);
        return new SealedSaleTransition(caseId, number, @event, leg, amount, from, to, seizure, conditions, plan, day, leaves, approvals, payee, transfers, atMs);
    }

    private static DateOnly? Date(uint number) =>
        number == 0 ? null : BankRecord.TryDate(number, out DateOnly day) ? day : throw new FormatException($"{number} is not a date");

    private string? Check()
    {
        if (CaseRecordFrame.Problem(Fields) is string frame)
        {
            return frame;
        }

        if (Transition is not SealedSaleTransition t)
        {
            return null;
        }

        return !t.CaseId.IsValid || t.Number == 0 ? "a transition names its case and a number from 1"
            : !Enum.IsDefined(t.Event) || !Enum.IsDefined(t.From) || !Enum.IsDefined(t.To) ? "an event or state is not defined"
            : t.Seizure is { } s && (!Enum.IsDefined(s.Rank) || s.Property == 0 || s.ClaimFen <= 0) ? "a seizure names a property, its rank and a claim"
            : t.Conditions?.Problem() is string conditions ? "its agreement terms: " + conditions
            : t.Plan?.Problem() is string plan ? "its plan: " + plan
            : t.Payee?.Problem() is string payee ? "its payee: " + payee
            : TransitionFields.Problem(t.ArtefactLeaves, t.Approvals, t.Transfers);
    }
}
