using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Pledges;

/// <summary>
/// An event asked of the registry, with its fields and its signatures. Each event uses only the
/// fields docs/pledges.md §Events names for it; the others stay at their defaults.
/// </summary>
/// <param name="Event">The event.</param>
/// <param name="AssetId">The asset.</param>
/// <param name="PledgeId">The pledge, for a pledge event; null for an asset event.</param>
/// <param name="Registration">RegisterAsset: the owner, category, deposits and openings.</param>
/// <param name="Valuation">RecordValuation: the appraiser's signed valuation.</param>
/// <param name="Terms">ApplyPledge: the pledge's terms.</param>
/// <param name="Evidence">The digests of the document the event rests on: the notice to the senior pledgee(s) (a junior ActivatePledge), repayment evidence (Release by a notary), the default evidence, the court's document (court enforcement), the challenge, the resolution, the transfer or licence agreement.</param>
/// <param name="Route">StartEnforcement, or ResolveDispute to Enforcement: the route.</param>
/// <param name="AmountFen">RecordProceeds: what the route realised, fen, more than 0; else 0.</param>
/// <param name="ResolveTo">ResolveDispute: Active, Enforcement or Released, as the resolution says.</param>
/// <param name="TransfereePartyId">RecordTransfer: the new owner, a registered Enterprise.</param>
/// <param name="Signatures">The acting parties' signatures over <see cref="PledgeEventMessage.Of"/>.</param>
public sealed record PledgeCommand(
    PledgeEvent Event,
    AssetId AssetId,
    PledgeId? PledgeId = null,
    AssetRegistration? Registration = null,
    Valuation? Valuation = null,
    PledgeTerms? Terms = null,
    DigestPair? Evidence = null,
    EnforcementRoute? Route = null,
    long AmountFen = 0,
    PledgeState? ResolveTo = null,
    string? TransfereePartyId = null,
    IReadOnlyList<PledgeSignature>? Signatures = null)
{
    /// <summary>
    /// Why the command is malformed for its event, or null: the fields present exactly as the event
    /// needs them and in range. What needs the asset or the registry is checked by the rules.
    /// </summary>
    public string? Problem()
    {
        if (!Enum.IsDefined(Event))
        {
            return $"event {(byte)Event} is not defined";
        }

        if (!AssetId.IsValid)
        {
            return "the asset id is not 0 and not all ones";
        }

        bool pledgeEvent = !PledgeTransitions.IsAssetEvent(Event);
        if (pledgeEvent != (PledgeId is not null) || PledgeId is { IsValid: false })
        {
            return pledgeEvent ? $"{Event} names its pledge (not 0, not all ones)" : $"{Event} is about the asset and names no pledge";
        }

        if ((Registration is not null) != (Event == PledgeEvent.RegisterAsset)
            || (Valuation is not null) != (Event == PledgeEvent.RecordValuation)
            || (Terms is not null) != (Event == PledgeEvent.ApplyPledge)
            || (TransfereePartyId is not null) != (Event == PledgeEvent.RecordTransfer)
            || (ResolveTo is not null) != (Event == PledgeEvent.ResolveDispute)
            || (AmountFen != 0) != (Event == PledgeEvent.RecordProceeds))
        {
            return $"{Event} has exactly the fields docs/pledges.md §Events names for it";
        }

        bool routeNeeded = Event == PledgeEvent.StartEnforcement || (Event == PledgeEvent.ResolveDispute && ResolveTo == PledgeState.Enforcement);
        if ((Route is not null) != routeNeeded || Route is EnforcementRoute route && !Enum.IsDefined(route))
        {
            return routeNeeded ? $"{Event} names an enforcement route (1–4)" : $"{Event} names no enforcement route";
        }

        bool evidenceNeeded = Event is PledgeEvent.DeclareDefault or PledgeEvent.Dispute or PledgeEvent.ResolveDispute or PledgeEvent.RecordTransfer or PledgeEvent.RecordLicence
            || (Event == PledgeEvent.StartEnforcement && Route == EnforcementRoute.CourtEnforcement);
        bool evidenceRefused = Event is PledgeEvent.RegisterAsset or PledgeEvent.RecordValuation or PledgeEvent.ApplyPledge;
        if ((evidenceNeeded && Evidence is null) || (evidenceRefused && Evidence is not null))
        {
            return evidenceNeeded ? $"{Event} rests on a document: its digests are needed" : $"{Event} carries no evidence digests";
        }

        if (Signatures is null || Signatures.Count is 0 or > PledgeSignature.CountMax
            || Signatures.Any(s => s is null || !PartyIds.IsValid(s.PartyId) || s.Signature is not { Length: PledgeSignature.SignatureLengthBytes }))
        {
            return $"an event carries 1 to {PledgeSignature.CountMax} signatures, each a party id and {PledgeSignature.SignatureLengthBytes} bytes";
        }

        return Event switch
        {
            PledgeEvent.RegisterAsset => Registration!.Problem(),
            PledgeEvent.RecordValuation => Valuation!.Problem(),
            PledgeEvent.ApplyPledge => Terms!.Problem(),
            PledgeEvent.RecordProceeds when AmountFen < 0 => $"the proceeds are more than 0 fen, not {AmountFen}",
            PledgeEvent.ResolveDispute when !PledgeTransitions.Resolutions.Contains(ResolveTo!.Value) => $"a dispute resolves to Active, Enforcement or Released, not {ResolveTo}",
            PledgeEvent.RecordTransfer when !PartyIds.IsValid(TransfereePartyId) => "the transferee is a party id (32 lowercase hex digits)",
            _ => null,
        };
    }
}
