using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Pledges;

/// <summary>The event's own guards, checked after its signatures (docs/pledges.md §Guards).</summary>
public static partial class PledgeRules
{
    private static PledgeDecision? Guard(PledgeAsset? current, PledgeCommand command, PledgeContext context, SignatureVerdict signed)
    {
        switch (command.Event)
        {
            case PledgeEvent.RegisterAsset:
                return Registration(command.AssetId, command.Registration!, context);
            case PledgeEvent.RecordValuation:
                return ValuationOf(current!, command.Valuation!, context);
            case PledgeEvent.ApplyPledge:
                return command.Terms!.ContractLeaf >= context.SignedTreeSize
                    ? PledgeDecision.Refused(PledgeRejection.LeafNotInLog, $"the pledge contract's leaf {command.Terms.ContractLeaf} is not in the signed tree of {context.SignedTreeSize} leaves")
                    : current!.State != AssetState.Valued ? PledgeDecision.Refused(PledgeRejection.AssetNotValued, $"asset {current.Id} has no valuation: a pledge needs an appraiser's valuation first")
                    : null;
            case PledgeEvent.ActivatePledge:
                return Activation(current!, current!.PledgeOf(command.PledgeId!.Value)!, command.Evidence);
            case PledgeEvent.Release:
                // The pledgee's release needs nothing more; a notary's needs the repayment evidence (DOMAIN.md §7.3).
                return signed.Alternative == 1 && command.Evidence is null
                    ? PledgeDecision.Refused(PledgeRejection.NotReleasable, "a notary releases only on repayment evidence; without it only the pledgee can release")
                    : null;
            case PledgeEvent.RecordTransfer or PledgeEvent.RecordLicence:
                string[] unconsenting = [.. current!.InForce.Select(p => p.Terms.PledgeePartyId).Distinct(StringComparer.Ordinal).Where(p => !signed.SignerPartyIds.Contains(p))];
                return unconsenting.Length == 0 ? null
                    : PledgeDecision.Refused(PledgeRejection.AssetLocked, $"the asset is pledged: {command.Event} needs the co-signature of every pledgee in force (Civil Code 444); missing {string.Join(", ", unconsenting)}");
            default:
                return null;
        }
    }

    private static PledgeDecision? Registration(AssetId assetId, AssetRegistration registration, PledgeContext context)
    {
        Party owner = context.PartyOf(registration.OwnerPartyId)!;
        for (int i = 0; i < registration.Deposits.Count; i++)
        {
            if (registration.Deposits[i].LeafIndex >= context.SignedTreeSize)
            {
                return PledgeDecision.Refused(PledgeRejection.LeafNotInLog, $"deposit leaf {registration.Deposits[i].LeafIndex} is not in the signed tree of {context.SignedTreeSize} leaves");
            }
        }

        for (int i = 0; i < registration.Deposits.Count; i++)
        {
            AssetDeposit deposit = registration.Deposits[i];
            Core.Receipts.DepositorOpening opening = registration.Openings[i];

            // Any key ever bound to the owner: revoking a key later does not undo the deposits it made.
            if (!owner.Keys.Any(k => k.Fingerprint == opening.KeyFingerprint) || !Same(opening.Commitments(), deposit.Depositor))
            {
                return PledgeDecision.Refused(PledgeRejection.DepositNotTheOwners, $"the opening of deposit leaf {deposit.LeafIndex} does not recompute its depositor commitments with a key of the owner");
            }
        }

        foreach (AssetDeposit deposit in registration.Deposits)
        {
            if (context.AssetOfDeposit(deposit.LeafIndex) is AssetId other && other != assetId)
            {
                return PledgeDecision.Refused(PledgeRejection.DepositInAnotherAsset, $"deposit leaf {deposit.LeafIndex} is already part of asset {other}");
            }
        }

        return null;
    }

    private static PledgeDecision? ValuationOf(PledgeAsset asset, Valuation valuation, PledgeContext context)
    {
        var appraiser = new SignerSlot("the appraiser", PartyRole.Appraiser, valuation.AppraiserPartyId);
        SignatureVerdict signed = SignatureCheck.Verify(
            valuation.SignedBytes(asset.Id),
            [new PledgeSignature(valuation.AppraiserPartyId, valuation.KeyFingerprint, valuation.Signature)],
            new SignerRequirement([[appraiser]], []),
            context.PartyOf,
            context.AtMs);
        if (!signed.IsAccepted)
        {
            return PledgeDecision.Refused(PledgeRejection.ValuationSignatureInvalid, $"the valuation is not a registered appraiser's signed statement about asset {asset.Id}: {signed.Rejection}", signed.Rejection, signed.Who);
        }

        IReadOnlyList<AssetDeposit> secret = asset.SecretDeposits;
        foreach (DigestPair root in valuation.MatchedRoots)
        {
            if (!secret.Any(d => Same(d.UnitsRoot, root)))
            {
                return PledgeDecision.Refused(PledgeRejection.ValuationNotOfAsset, $"matched root {root.Sha256} is not the units root of a deposit of the secret of asset {asset.Id}");
            }
        }

        return null;
    }

    private static PledgeDecision? Activation(PledgeAsset asset, Pledge pledge, DigestPair? notice)
    {
        if (pledge.Terms.PledgorPartyId != asset.OwnerPartyId)
        {
            return PledgeDecision.Refused(PledgeRejection.PledgorNotOwner, $"the pledgor no longer owns asset {asset.Id}: it was transferred after the pledge was applied for");
        }

        IReadOnlyList<Pledge> inForce = asset.InForce;
        byte rank = pledge.Terms.Rank;
        if (rank == 1 && inForce.FirstOrDefault(p => p.Terms.Rank == 1) is Pledge senior)
        {
            return PledgeDecision.Refused(PledgeRejection.SeniorPledgeActive, $"senior pledge {senior.Id} of asset {asset.Id} is in force ({senior.State}): release it first, or apply for a junior rank");
        }

        if (inForce.FirstOrDefault(p => p.Terms.Rank >= rank) is Pledge behind)
        {
            return PledgeDecision.Refused(PledgeRejection.RankInForce, $"pledge {behind.Id} of rank {behind.Terms.Rank} is in force: a new pledge ranks behind every pledge in force, so its rank must be more than {inForce.Max(p => p.Terms.Rank)}");
        }

        if (rank == 1)
        {
            return null;
        }

        return inForce.Count == 0 ? PledgeDecision.Refused(PledgeRejection.JuniorNotAllowed, $"a junior pledge (rank {rank}) needs a pledge in force ahead of it; none is")
            : inForce.FirstOrDefault(p => !p.Terms.JuniorAllowed) is Pledge forbids ? PledgeDecision.Refused(PledgeRejection.JuniorNotAllowed, $"the contract of pledge {forbids.Id} (rank {forbids.Terms.Rank}) does not allow junior pledges")
            : notice is null ? PledgeDecision.Refused(PledgeRejection.JuniorNotAllowed, "a junior pledge is activated only with the notice to the pledgees ahead of it (its digests)")
            : null;
    }
}
