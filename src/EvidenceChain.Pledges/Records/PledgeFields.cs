using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Core.Records;

namespace EvidenceChain.Pledges.Records;

/// <summary>
/// The canonical bytes of an event's head and fields (docs/formats/pledge-event.md §Event): written
/// once, signed by the acting parties after the message context, and recorded after the record's
/// frame, so a record carries exactly what was signed.
/// </summary>
internal static class PledgeFields
{
    public static void WriteHead(RecordWriter writer, PledgeCommand command, ulong number)
    {
        writer.PutUInt128(command.AssetId.Value);
        writer.PutUInt128(command.PledgeId?.Value ?? UInt128.Zero);
        writer.Put((byte)command.Event);
        writer.PutUInt64(number);
    }

    public static void WriteBody(RecordWriter writer, PledgeCommand command)
    {
        writer.PutBool(command.Registration is not null);
        if (command.Registration is AssetRegistration registration)
        {
            writer.PutPartyId(registration.OwnerPartyId);
            writer.PutText(registration.Category);
            writer.Put((byte)registration.Deposits.Count);
            for (int i = 0; i < registration.Deposits.Count; i++)
            {
                AssetDeposit deposit = registration.Deposits[i];
                writer.PutUInt64(deposit.LeafIndex);
                writer.Put((byte)deposit.Role);
                writer.PutDigests(deposit.UnitsRoot);
                writer.PutUInt64(deposit.UnitCount);
                writer.PutDigests(deposit.Depositor);
                writer.PutDigest(registration.Openings[i].KeyFingerprint);
                writer.PutDigest(registration.Openings[i].PartySalt.Value);
            }
        }

        writer.PutBool(command.Valuation is not null);
        command.Valuation?.WriteTo(writer);
        writer.PutBool(command.Terms is not null);
        if (command.Terms is PledgeTerms terms)
        {
            writer.PutPartyId(terms.PledgorPartyId);
            writer.PutPartyId(terms.PledgeePartyId);
            writer.PutInt64(terms.SecuredFen);
            writer.PutDate(terms.TermStart);
            writer.PutDate(terms.TermEnd);
            writer.Put(terms.Rank);
            writer.PutBool(terms.JuniorAllowed);
            writer.PutUInt64(terms.ContractLeaf);
            writer.PutBool(terms.Enforceable);
        }

        writer.PutBool(command.Evidence is not null);
        if (command.Evidence is DigestPair evidence)
        {
            writer.PutDigests(evidence);
        }

        writer.Put((byte)(command.Route ?? 0));
        writer.PutInt64(command.AmountFen);
        writer.Put((byte)(command.ResolveTo ?? 0));
        writer.PutBool(command.TransfereePartyId is not null);
        if (command.TransfereePartyId is string transferee)
        {
            writer.PutPartyId(transferee);
        }
    }

    /// <summary>Reads a head and fields back into a command without signatures, and the event number.</summary>
    public static PledgeCommand Read(ref RecordReader reader, out ulong number)
    {
        var assetId = new AssetId(reader.UInt128());
        UInt128 pledge = reader.UInt128();
        var @event = (PledgeEvent)reader.Byte();
        number = reader.UInt64();
        AssetRegistration? registration = null;
        if (reader.Bool())
        {
            string owner = reader.PartyId();
            string category = reader.Text();
            var deposits = new AssetDeposit[reader.Byte()];
            var openings = new DepositorOpening[deposits.Length];
            for (int i = 0; i < deposits.Length; i++)
            {
                deposits[i] = new AssetDeposit(reader.UInt64(), (AssetDepositRole)reader.Byte(), reader.Digests(), reader.UInt64(), reader.Digests());
                openings[i] = new DepositorOpening(reader.Digest(), new DerivedSalt(reader.Digest()));
            }

            registration = new AssetRegistration(owner, category, deposits, openings);
        }

        Valuation? valuation = reader.Bool() ? Valuation.ReadFrom(ref reader) : null;
        PledgeTerms? terms = reader.Bool()
            ? new PledgeTerms(reader.PartyId(), reader.PartyId(), reader.Int64(), reader.Date(), reader.Date(), reader.Byte(), reader.Bool(), reader.UInt64(), reader.Bool())
            : null;
        DigestPair? evidence = reader.Bool() ? reader.Digests() : null;
        byte route = reader.Byte();
        long amountFen = reader.Int64();
        byte resolveTo = reader.Byte();
        string? transferee = reader.Bool() ? reader.PartyId() : null;
        return new PledgeCommand(
            @event,
            assetId,
            pledge == UInt128.Zero ? null : new PledgeId(pledge),
            registration,
            valuation,
            terms,
            evidence,
            route == 0 ? null : (EnforcementRoute)route,
            amountFen,
            resolveTo == 0 ? null : (PledgeState)resolveTo,
            transferee,
            []);
    }

    public static void WriteSignatures(RecordWriter writer, IReadOnlyList<PledgeSignature> signatures)
    {
        writer.Put((byte)signatures.Count);
        foreach (PledgeSignature signature in signatures)
        {
            writer.PutPartyId(signature.PartyId);
            writer.PutDigest(signature.KeyFingerprint);
            writer.Put(signature.Signature);
        }
    }

    public static PledgeSignature[] ReadSignatures(ref RecordReader reader)
    {
        var signatures = new PledgeSignature[reader.Byte()];
        for (int i = 0; i < signatures.Length; i++)
        {
            signatures[i] = new PledgeSignature(reader.PartyId(), reader.Digest(), reader.Take(PledgeSignature.SignatureLengthBytes).ToArray());
        }

        return signatures;
    }
}
