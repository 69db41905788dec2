using EvidenceChain.Cases.Approvals;
using EvidenceChain.Cases.Internal;
using EvidenceChain.Cases.Mortgage;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Ledger.Banking;
using EvidenceChain.Ledger.Escrow;

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

    private const byte KindOpened = 1;
    private const byte KindTransition = 2;
    private static readonly byte[] s_magic = "evidencechain/case-record/v1\n"u8.ToArray();

    /// <summary>The case the record is about.</summary>
    public CaseId CaseId => Opening?.CaseId ?? Transition!.CaseId;

    public byte[] Encode()
    {
        if (Check() is string problem)
        {
            throw new InvalidOperationException("Not a valid case record: " + problem);
        }

        var writer = new RecordWriter();
        writer.Put(s_magic);
        writer.Put(Nonce);
        writer.PutInt64(RecordedAtMs);
        writer.Put(ActorRole);
        if (ActorRole != 0)
        {
            writer.Put(ActorPartyId);
            writer.Put(ActorSalt);
        }

        if (Opening is CaseOpening opening)
        {
            writer.Put(KindOpened);
            writer.PutUInt128(opening.CaseId.Value);
            writer.PutText(opening.CaseNumber);
            writer.PutUInt128(opening.EscrowBankAccount.Value);
            writer.PutUInt32(opening.Ledger);
        }
        else
        {
            writer.Put(KindTransition);
            WriteTransition(writer, Transition!);
        }

        return writer.ToArray();
    }

    /// <summary>Decodes a canonical record strictly: every field in range, nothing left over.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, out CaseRecord? record, out string reason)
    {
        record = null;
        try
        {
            var reader = new RecordReader(bytes);
            if (!reader.Take(s_magic.Length).SequenceEqual(s_magic))
            {
                reason = "it does not start with the case record magic";
                return false;
            }

            byte[] nonce = reader.Take(NonceLengthBytes).ToArray();
            long recordedAtMs = reader.Int64();
            byte role = reader.Byte();
            byte[] actor = role == 0 ? [] : reader.Take(16).ToArray();
            byte[] salt = role == 0 ? [] : reader.Take(32).ToArray();
            CaseOpening? opening = null;
            MortgageTransition? transition = null;
            switch (reader.Byte())
            {
                case KindOpened:
                    opening = new CaseOpening(new CaseId(reader.UInt128()), reader.Text(), new AccountId(reader.UInt128()), reader.UInt32());
                    break;
                case KindTransition:
                    transition = ReadTransition(ref reader);
                    break;
                default:
                    reason = "its kind is neither an opening (1) nor a transition (2)";
                    return false;
            }

            if (!reader.IsAtEnd)
            {
                reason = "bytes follow the record";
                return false;
            }

            var decoded = new CaseRecord(nonce, recordedAtMs, role, actor, salt, opening, transition);
            if (decoded.Check() is string problem)
            {
                reason = problem;
                return false;
            }

            record = decoded;
            reason = string.Empty;
            return true;
        }
        catch (FormatException e)
        {
            reason = e.Message;
            return false;
        }
    }

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
        writer.Put((byte)t.ArtefactLeaves.Count);
        foreach (ulong leaf in t.ArtefactLeaves)
        {
            writer.PutUInt64(leaf);
        }

        writer.Put((byte)t.Approvals.Count);
        foreach (PayoutApproval approval in t.Approvals)
        {
            writer.PutPartyId(approval.NotaryPartyId);
            writer.Put(Digest.AsBytes(approval.KeyFingerprint));
            writer.Put(approval.Signature);
        }

        WritePayee(writer, t.Payee);
        writer.Put((byte)t.Transfers.Count);
        foreach (TransferId id in t.Transfers)
        {
            writer.PutUInt128(id.Value);
        }
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
        ulong[] leaves = new ulong[reader.Byte()];
        for (int i = 0; i < leaves.Length; i++)
        {
            leaves[i] = reader.UInt64();
        }

        var approvals = new PayoutApproval[reader.Byte()];
        for (int i = 0; i < approvals.Length; i++)
        {
            approvals[i] = new PayoutApproval(reader.PartyId(), Digest.Read(reader.Take(Digest.SizeInBytes)), reader.Take(64).ToArray());
        }

        PayeeAccount? payee = ReadPayee(ref reader);
        var transfers = new TransferId[reader.Byte()];
        for (int i = 0; i < transfers.Length; i++)
        {
            transfers[i] = new TransferId(reader.UInt128());
        }

        return new MortgageTransition(caseId, number, @event, leg, amount, from, to, conditions, depositDate, source == UInt128.Zero ? null : new AccountId(source), leaves, approvals, payee, transfers, atMs);
    }

    private static void WriteConditions(RecordWriter writer, ConditionSet c)
    {
        writer.PutInt64(c.PriceFen);
        writer.Put((byte)c.BuyerPartyIds.Count);
        foreach (string id in c.BuyerPartyIds)
        {
            writer.PutPartyId(id);
        }

        writer.Put((byte)c.SellerPartyIds.Count);
        foreach (string id in c.SellerPartyIds)
        {
            writer.PutPartyId(id);
        }

        writer.Put((byte)c.PayoffLegs.Count);
        foreach (PayoffLeg leg in c.PayoffLegs)
        {
            writer.Put(leg.Leg);
            writer.Put((byte)leg.Kind);
            writer.PutPartyId(leg.LenderPartyId);
            WritePayee(writer, leg.Payee);
        }

        WritePayee(writer, c.SellerPayee);
        WritePayee(writer, c.BuyerRefundPayee);
        writer.PutInt64(c.FeeFen);
        writer.Put((byte)c.FeePayer);
        WritePayee(writer, c.FeePayee);
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
        string[] buyers = new string[reader.Byte()];
        for (int i = 0; i < buyers.Length; i++)
        {
            buyers[i] = reader.PartyId();
        }

        string[] sellers = new string[reader.Byte()];
        for (int i = 0; i < sellers.Length; i++)
        {
            sellers[i] = reader.PartyId();
        }

        var legs = new PayoffLeg[reader.Byte()];
        for (int i = 0; i < legs.Length; i++)
        {
            legs[i] = new PayoffLeg(reader.Byte(), (LoanKind)reader.Byte(), reader.PartyId(), ReadPayee(ref reader) ?? throw new FormatException("a payoff leg has a payee"));
        }

        PayeeAccount seller = ReadPayee(ref reader) ?? throw new FormatException("the seller's payee is missing");
        PayeeAccount refund = ReadPayee(ref reader) ?? throw new FormatException("the buyer's refund payee is missing");
        long fee = reader.Int64();
        var feePayer = (FeePayer)reader.Byte();
        PayeeAccount feePayee = ReadPayee(ref reader) ?? throw new FormatException("the fee payee is missing");
        var route = (LoanRoute)reader.Byte();
        long loan = reader.Int64();
        string? lender = reader.Bool() ? reader.PartyId() : null;
        return new ConditionSet(price, buyers, sellers, legs, seller, refund, fee, feePayer, feePayee, route, loan, lender, reader.Bool(), (InterestRule)reader.Byte());
    }

    /// <summary>A payee: absent as one zero byte, else the account (1 to 34 bytes) and the name.</summary>
    private static void WritePayee(RecordWriter writer, PayeeAccount? payee)
    {
        if (payee is null)
        {
            writer.Put(0);
            return;
        }

        payee.WriteTo(writer);
    }

    private static PayeeAccount? ReadPayee(ref RecordReader reader)
    {
        string account = reader.Text();
        return account.Length == 0 ? null : new PayeeAccount(account, reader.Text());
    }

    private string? Check()
    {
        if (Nonce.Length != NonceLengthBytes || RecordedAtMs < 0)
        {
            return $"the nonce is {NonceLengthBytes} bytes and the time not negative";
        }

        if ((ActorRole == 0) != (ActorPartyId.Length == 0) || (ActorRole == 0) != (ActorSalt.Length == 0) || (ActorRole != 0 && (ActorPartyId.Length != 16 || ActorSalt.Length != 32)))
        {
            return "an actor (16-byte id, 32-byte salt) is present exactly when the role is not 0";
        }

        if ((Opening is null) == (Transition is null))
        {
            return "a record is an opening or a transition, one of the two";
        }

        if (Opening?.Problem() is string opening)
        {
            return opening;
        }

        if (Transition is not MortgageTransition t)
        {
            return null;
        }

        return !t.CaseId.IsValid || t.Number == 0 ? "a transition names its case and a number from 1"
            : !Enum.IsDefined(t.Event) || !Enum.IsDefined(t.From) || !Enum.IsDefined(t.To) ? "an event or state is not defined"
            : t.Conditions?.Problem() is string conditions ? "its condition set: " + conditions
            : t.Payee?.Problem() is string payee ? "its payee: " + payee
            : t.ArtefactLeaves.Count > byte.MaxValue || t.Approvals.Count > byte.MaxValue || t.Transfers.Count > byte.MaxValue ? "at most 255 artefacts, approvals and transfers"
            : t.Approvals.Any(a => a.Signature.Length != 64) ? "an approval's signature is 64 bytes"
            : null;
    }
}
