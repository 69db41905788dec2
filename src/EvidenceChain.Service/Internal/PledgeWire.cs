using System.Globalization;
using EvidenceChain.Core.Commitments;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Core.Receipts;
using EvidenceChain.Pledges;
using Google.Protobuf;
using Wire = EvidenceChain.Protocol.V1;

namespace EvidenceChain.Service.Internal;

/// <summary>
/// The pledge registry's wire shapes read and written in one place. Reading checks only what the
/// wire can get wrong (lengths of ids and digests, dates, numbers that do not fit their enum's byte);
/// what the command means is <see cref="PledgeCommand.Problem"/>'s and the rules', so one malformed
/// field gets one sentence, whoever sends it.
/// </summary>
internal static class PledgeWire
{
    private const string DateFormat = "yyyy-MM-dd";

    public static AssetId AssetIdOf(ByteString bytes)
    {
        var id = new AssetId(WireIds.Read(bytes, "asset_id"));
        return id.IsValid ? id : throw StatusErrors.Invalid("asset_id", "an asset id is not 0 and not all ones");
    }

    /// <summary>The command the request asks for, its signatures included; INVALID_ARGUMENT when the wire shapes are wrong.</summary>
    public static PledgeCommand CommandOf(Wire.PledgeEventRequest request)
    {
        if (request.Event is 0 or > byte.MaxValue || !Enum.IsDefined((PledgeEvent)request.Event))
        {
            throw StatusErrors.Invalid("event", $"event {request.Event} is not a pledge registry event (1 RegisterAsset … 16 RecordLicence, docs/pledges.md §Events)");
        }

        if (request.Signatures.Count > PledgeSignature.CountMax)
        {
            throw StatusErrors.Invalid("signatures", $"an event carries at most {PledgeSignature.CountMax} signatures, not {request.Signatures.Count}");
        }

        return new PledgeCommand(
            (PledgeEvent)request.Event,
            AssetIdOf(request.AssetId),
            request.PledgeId.IsEmpty ? null : new PledgeId(WireIds.Read(request.PledgeId, "pledge_id")),
            request.Registration is null ? null : RegistrationOf(request.Registration),
            request.Valuation is null ? null : ValuationOf(request.Valuation),
            request.Terms is null ? null : TermsOf(request.Terms, "terms"),
            request.Evidence is null ? null : DigestsOf(request.Evidence, "evidence"),
            request.Route == 0 ? null : (EnforcementRoute)Byte(request.Route, "route"),
            request.AmountFen,
            request.ResolveTo == 0 ? null : (PledgeState)Byte(request.ResolveTo, "resolve_to"),
            request.TransfereePartyId.Length == 0 ? null : request.TransfereePartyId,
            [.. request.Signatures.Select((s, i) => new PledgeSignature(s.PartyId, DigestOf(s.KeyFingerprint, $"signatures[{i}].key_fingerprint"), s.Signature.ToByteArray()))]);
    }

    public static Wire.PledgeDigests ToWire(DigestPair digests) => new()
    {
        Sha256 = ByteString.CopyFrom(Digest.AsBytes(digests.Sha256)),
        Sm3 = ByteString.CopyFrom(Digest.AsBytes(digests.Sm3)),
    };

    public static Wire.AssetDepositLine ToWire(AssetDeposit deposit) => new()
    {
        LeafIndex = deposit.LeafIndex,
        Role = (uint)deposit.Role,
        RoleName = deposit.Role.ToString(),
        UnitsRoot = ToWire(deposit.UnitsRoot),
        UnitCount = deposit.UnitCount,
        Depositor = ToWire(deposit.Depositor),
    };

    public static Wire.PledgeTerms ToWire(PledgeTerms terms) => new()
    {
        PledgorPartyId = terms.PledgorPartyId,
        PledgeePartyId = terms.PledgeePartyId,
        SecuredFen = terms.SecuredFen,
        TermStart = Day(terms.TermStart),
        TermEnd = Day(terms.TermEnd),
        Rank = terms.Rank,
        JuniorAllowed = terms.JuniorAllowed,
        ContractLeaf = terms.ContractLeaf,
        Enforceable = terms.Enforceable,
    };

    public static Wire.PledgeSplit ToWire(ProceedsSplit split) => new()
    {
        ProceedsFen = split.ProceedsFen,
        PledgeeFen = split.PledgeeFen,
        PledgorFen = split.PledgorFen,
        ShortfallFen = split.ShortfallFen,
    };

    public static Wire.PledgeValuationLine ToWire(ValuationLine valuation)
    {
        var line = new Wire.PledgeValuationLine { AppraiserPartyId = valuation.AppraiserPartyId, ValueFen = valuation.ValueFen, Date = Day(valuation.Date), Report = ToWire(valuation.ReportDigest) };
        line.MatchedRoots.AddRange(valuation.MatchedRoots.Select(ToWire));
        return line;
    }

    public static Wire.PledgeSummary ToWire(Pledge pledge) => new()
    {
        PledgeId = WireIds.Bytes(pledge.Id.Value),
        Terms = ToWire(pledge.Terms),
        State = (uint)pledge.State,
        StateName = pledge.State.ToString(),
        InForce = pledge.IsInForce,
        JuniorNotice = pledge.JuniorNotice is DigestPair notice ? ToWire(notice) : null,
        ActivatedAtMs = pledge.ActivatedAtMs ?? 0,
        Route = (uint)(pledge.Route ?? 0),
        Split = pledge.Split is ProceedsSplit split ? ToWire(split) : null,
    };

    public static Wire.AssetDealingLine ToWire(AssetDealing dealing)
    {
        var line = new Wire.AssetDealingLine
        {
            EventNumber = dealing.Number,
            EventName = dealing.Event.ToString(),
            OwnerPartyId = dealing.OwnerPartyId,
            TransfereePartyId = dealing.TransfereePartyId ?? string.Empty,
            Agreement = ToWire(dealing.Agreement),
            AtMs = dealing.AtMs,
        };
        line.ConsentingPledgeePartyIds.AddRange(dealing.ConsentingPledgees);
        return line;
    }

    public static Wire.EncumbranceLine ToWire(PledgeLine pledge) => new()
    {
        PledgeId = WireIds.Bytes(pledge.PledgeId.Value),
        StateName = pledge.State.ToString(),
        Rank = pledge.Rank,
        SecuredFen = pledge.SecuredFen,
        TermStart = Day(pledge.TermStart),
        TermEnd = Day(pledge.TermEnd),
        PledgeePartyId = pledge.PledgeePartyId,
        Enforceable = pledge.Enforceable,
        ContractLeaf = pledge.ContractLeaf,
    };

    public static Wire.SignerSlot ToWire(SignerSlot slot) => new()
    {
        Name = slot.Name,
        Role = (uint)slot.Role,
        RoleName = slot.Role.ToString(),
        PartyId = slot.PartyId ?? string.Empty,
    };

    public static string Day(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static AssetRegistration RegistrationOf(Wire.AssetRegistration registration)
    {
        var deposits = new List<AssetDeposit>(registration.Deposits.Count);
        var openings = new List<DepositorOpening>(registration.Deposits.Count);
        for (int i = 0; i < registration.Deposits.Count; i++)
        {
            Wire.AssetDepositEntry entry = registration.Deposits[i];

            // The roots, the unit count and the depositor commitments are the leaf's, filled by the desk; the caller names only the leaf and the role.
            deposits.Add(new AssetDeposit(entry.LeafIndex, (AssetDepositRole)Byte(entry.Role, $"registration.deposits[{i}].role"), default, 0, default));
            openings.Add(new DepositorOpening(
                DigestOf(entry.KeyFingerprint, $"registration.deposits[{i}].key_fingerprint"),
                new DerivedSalt(DigestOf(entry.PartySalt, $"registration.deposits[{i}].party_salt"))));
        }

        return new AssetRegistration(registration.OwnerPartyId, registration.Category, deposits, openings);
    }

    private static Valuation ValuationOf(Wire.PledgeValuation valuation) => new(
        valuation.AppraiserPartyId,
        DigestOf(valuation.KeyFingerprint, "valuation.key_fingerprint"),
        [.. valuation.MatchedRoots.Select((r, i) => DigestsOf(r, $"valuation.matched_roots[{i}]"))],
        valuation.ValueFen,
        valuation.Report is null ? throw StatusErrors.Invalid("valuation.report", "a valuation carries the digests of its report") : DigestsOf(valuation.Report, "valuation.report"),
        DateOf(valuation.Date, "valuation.date"),
        valuation.Signature.ToByteArray());

    private static PledgeTerms TermsOf(Wire.PledgeTerms terms, string field) => new(
        terms.PledgorPartyId,
        terms.PledgeePartyId,
        terms.SecuredFen,
        DateOf(terms.TermStart, field + ".term_start"),
        DateOf(terms.TermEnd, field + ".term_end"),
        Byte(terms.Rank, field + ".rank"),
        terms.JuniorAllowed,
        terms.ContractLeaf,
        terms.Enforceable);

    private static DigestPair DigestsOf(Wire.PledgeDigests digests, string field) =>
        new(DigestOf(digests.Sha256, field + ".sha256"), DigestOf(digests.Sm3, field + ".sm3"));

    private static Digest DigestOf(ByteString bytes, string field) =>
        bytes.Length == Digest.SizeInBytes
            ? Digest.Read(bytes.Span)
            : throw StatusErrors.Invalid(field, $"a digest or fingerprint is {Digest.SizeInBytes} bytes; got {bytes.Length}");

    private static DateOnly DateOf(string text, string field) =>
        DateOnly.TryParseExact(text, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly day)
            ? day
            : throw StatusErrors.Invalid(field, $"a date is YYYY-MM-DD, not '{text}'");

    private static byte Byte(uint value, string field) =>
        value <= byte.MaxValue ? (byte)value : throw StatusErrors.Invalid(field, $"{value} is not one of its numbers (docs/pledges.md)");
}
