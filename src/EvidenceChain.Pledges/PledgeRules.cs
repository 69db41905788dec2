using EvidenceChain.Core.Access;
using EvidenceChain.Core.Hashing;

namespace EvidenceChain.Pledges;

/// <summary>
/// The rules of the trade-secret pledge registry (docs/pledges.md): whether an event may happen to
/// an asset or one of its pledges, who must sign it, its guards, and the asset after it.
/// <see cref="Decide"/> checks, in the order of <see cref="PledgeRejection"/>: the state, the
/// command's shape and the parties it names, the signatures, then the event's own guards.
/// <see cref="Apply"/> replays a recorded transition without checking anything. Pure.
/// </summary>
public static partial class PledgeRules
{
    /// <summary>Decides <paramref name="command"/> on <paramref name="current"/> (null before the asset is registered).</summary>
    public static PledgeDecision Decide(PledgeAsset? current, PledgeCommand command, PledgeContext context)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(context);
        if (StateProblem(current, command) is string state)
        {
            return PledgeDecision.Refused(PledgeRejection.EventNotAllowedInState, state);
        }

        if ((command.Problem() ?? RegistryProblem(current, command, context)) is string problem)
        {
            return PledgeDecision.Refused(PledgeRejection.CommandInvalid, problem);
        }

        ulong number = (current?.EventCount ?? 0) + 1;
        SignatureVerdict signed = SignatureCheck.Verify(PledgeEventMessage.Of(command, number), command.Signatures!, Signers(current, command), context.PartyOf, context.AtMs);
        if (!signed.IsAccepted)
        {
            return signed.Rejection == SignerRejection.SignerMissing
                ? PledgeDecision.Refused(PledgeRejection.SignatureMissing, $"{command.Event} needs the signature of {signed.Who}", signed.Rejection, signed.Who)
                : PledgeDecision.Refused(PledgeRejection.SignatureInvalid, $"the signature of party {signed.Who} is not acceptable: {signed.Rejection}", signed.Rejection, signed.Who);
        }

        if (Guard(current, command, context, signed) is PledgeDecision refused)
        {
            return refused;
        }

        Pledge? pledge = command.PledgeId is PledgeId id ? current!.PledgeOf(id) : null;
        ProceedsSplit? split = command.Event == PledgeEvent.RecordProceeds ? ProceedsSplit.Of(pledge!.Terms.SecuredFen, command.AmountFen) : null;
        var transition = new PledgeTransition(
            number,
            command,
            current?.State,
            command.Event switch
            {
                PledgeEvent.RegisterAsset => AssetState.Registered,
                PledgeEvent.RecordValuation => AssetState.Valued,
                _ => current!.State,
            },
            pledge?.State,
            PledgeTransitions.IsAssetEvent(command.Event) ? null : PledgeTo(command, split),
            context.AtMs);
        string detail = split is null ? string.Empty
            : split.IsSatisfied ? $"satisfied: {split.PledgeeFen} fen to the pledgee, {split.PledgorFen} fen to the pledgor"
            : $"partially satisfied: {split.PledgeeFen} fen to the pledgee, {split.PledgorFen} fen to the pledgor; {split.ShortfallFen} fen of the secured claim stays owed";
        return new PledgeDecision(PledgeRejection.None, detail, SignerRejection.None, null, Apply(current, transition), transition);
    }

    /// <summary>
    /// The asset after <paramref name="transition"/>: what <see cref="Decide"/> returns, and what a
    /// replay of the log computes, checking nothing (the transition was checked when it was applied).
    /// </summary>
    /// <exception cref="InvalidOperationException">The transition is not the asset's next one.</exception>
    public static PledgeAsset Apply(PledgeAsset? current, PledgeTransition transition)
    {
        ArgumentNullException.ThrowIfNull(transition);
        PledgeCommand command = transition.Command;
        if (current is null ? command.Event != PledgeEvent.RegisterAsset || transition.Number != 1
            : command.AssetId != current.Id || transition.Number != current.EventCount + 1 || transition.AssetFrom != current.State)
        {
            throw new InvalidOperationException($"Event {transition.Number} ({command.Event}) of asset {command.AssetId} does not follow event {current?.EventCount ?? 0} of asset {current?.Id.ToString() ?? "(none)"}.");
        }

        if (command.Event == PledgeEvent.RegisterAsset)
        {
            AssetRegistration registration = command.Registration!;
            return new PledgeAsset(command.AssetId, transition.AssetTo, registration.OwnerPartyId, registration.Category, [.. registration.Deposits], [], [], [], transition.Number);
        }

        PledgeAsset next = current! with { State = transition.AssetTo, EventCount = transition.Number };
        switch (command.Event)
        {
            case PledgeEvent.RecordValuation:
                return next with { Valuations = [.. current.Valuations, command.Valuation!] };
            case PledgeEvent.RecordTransfer or PledgeEvent.RecordLicence:
                var dealing = new AssetDealing(
                    transition.Number,
                    command.Event,
                    current.OwnerPartyId,
                    command.TransfereePartyId,
                    command.Evidence!.Value,
                    [.. command.Signatures!.Select(s => s.PartyId).Where(p => current.InForce.Any(f => f.Terms.PledgeePartyId == p))],
                    transition.AtMs);

                // The only event that changes the owner (enforcement never does: 流质 is void).
                return next with
                {
                    OwnerPartyId = command.TransfereePartyId ?? current.OwnerPartyId,
                    Dealings = [.. current.Dealings, dealing],
                };
            case PledgeEvent.ApplyPledge:
                var applied = new Pledge(command.PledgeId!.Value, command.Terms!, transition.PledgeTo!.Value, null, null, null, null);
                return next with { Pledges = [.. current.Pledges, applied] };
        }

        Pledge pledge = current.PledgeOf(command.PledgeId!.Value)
            ?? throw new InvalidOperationException($"Asset {current.Id} has no pledge {command.PledgeId}.");
        if (transition.PledgeFrom != pledge.State)
        {
            throw new InvalidOperationException($"Event {transition.Number} moves pledge {pledge.Id} from {transition.PledgeFrom}, but it is in {pledge.State}.");
        }

        Pledge moved = pledge with { State = transition.PledgeTo!.Value };
        moved = command.Event switch
        {
            PledgeEvent.ActivatePledge => moved with { ActivatedAtMs = transition.AtMs, JuniorNotice = command.Evidence },
            PledgeEvent.StartEnforcement => moved with { Route = command.Route },
            PledgeEvent.ResolveDispute when command.Route is not null => moved with { Route = command.Route },
            PledgeEvent.RecordProceeds => moved with { Split = ProceedsSplit.Of(pledge.Terms.SecuredFen, command.AmountFen) },
            _ => moved,
        };
        return next with { Pledges = [.. current.Pledges.Select(p => p.Id == moved.Id ? moved : p)] };
    }

    /// <summary>Who must sign <paramref name="command"/> on <paramref name="current"/> (docs/pledges.md §Signatures).</summary>
    public static SignerRequirement Signers(PledgeAsset? current, PledgeCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var notary = new SignerSlot("a notary", PartyRole.Notary);
        var court = new SignerSlot("a court", PartyRole.Court);
        string owner = current?.OwnerPartyId ?? command.Registration?.OwnerPartyId ?? string.Empty;
        var ownerSlot = new SignerSlot("the owner", PartyRole.Enterprise, owner);
        PledgeTerms? terms = command.Terms ?? (command.PledgeId is PledgeId id ? current?.PledgeOf(id)?.Terms : null);
        var pledgor = new SignerSlot("the pledgor", PartyRole.Enterprise, terms?.PledgorPartyId);
        var pledgee = new SignerSlot("the pledgee", PartyRole.Lender, terms?.PledgeePartyId);
        return command.Event switch
        {
            PledgeEvent.RegisterAsset => One([ownerSlot, notary]),
            PledgeEvent.ApplyPledge => One([pledgor, pledgee]),
            PledgeEvent.RecordValuation or PledgeEvent.NotarizePledge or PledgeEvent.ActivatePledge or PledgeEvent.RecordProceeds or PledgeEvent.ClosePledge => One([notary]),
            PledgeEvent.RequestRelease or PledgeEvent.Withdraw => new([[pledgor], [pledgee]], []),
            PledgeEvent.Release => new([[pledgee], [notary]], []),
            PledgeEvent.DeclareDefault => One([pledgee]),
            PledgeEvent.StartEnforcement => One([pledgee, notary]),
            PledgeEvent.Dispute => new([[pledgor], [pledgee], [court]], []),
            PledgeEvent.ResolveDispute => new([[court], [pledgor, pledgee]], []),
            PledgeEvent.RecordTransfer => new([[ownerSlot, notary, new SignerSlot("the transferee", PartyRole.Enterprise, command.TransfereePartyId)]], Lock(current)),
            PledgeEvent.RecordLicence => new([[ownerSlot, notary]], Lock(current)),
            _ => new([], []),
        };

        static SignerRequirement One(IReadOnlyList<SignerSlot> slots) => new([slots], []);

        // Every pledgee in force may co-sign; whether all did is the lock's guard (AssetLocked).
        static IReadOnlyList<SignerSlot> Lock(PledgeAsset? asset) =>
            [.. (asset?.InForce ?? []).Select(p => p.Terms.PledgeePartyId).Distinct(StringComparer.Ordinal).Select(p => new SignerSlot("a pledgee in force", PartyRole.Lender, p))];
    }

    private static string? StateProblem(PledgeAsset? current, PledgeCommand command)
    {
        if (command.Event == PledgeEvent.RegisterAsset)
        {
            return current is null ? null : $"asset {current.Id} is already registered ({current.State})";
        }

        if (current is null)
        {
            return $"{command.Event} needs a registered asset; asset {command.AssetId} is not registered";
        }

        if (!PledgeTransitions.AssetFromStates(command.Event).Contains(current.State))
        {
            return $"{command.Event} may not happen to an asset in {current.State}";
        }

        if (PledgeTransitions.IsAssetEvent(command.Event) || command.PledgeId is not PledgeId id)
        {
            // A pledge event without a pledge id is a malformed command, refused next.
            return null;
        }

        Pledge? pledge = current.PledgeOf(id);
        if (command.Event == PledgeEvent.ApplyPledge)
        {
            return pledge is null ? null : $"pledge {id} already exists ({pledge.State})";
        }

        return pledge is null ? $"asset {current.Id} has no pledge {id}"
            : PledgeTransitions.IsAllowed(pledge.State, command.Event) ? null
            : $"{command.Event} may not happen to a pledge in {pledge.State}; it may in {string.Join(", ", PledgeTransitions.FromStates(command.Event))}";
    }

    // What the command names that only the registry and the asset can confirm.
    private static string? RegistryProblem(PledgeAsset? current, PledgeCommand command, PledgeContext context)
    {
        switch (command.Event)
        {
            case PledgeEvent.RegisterAsset:
                return IsOfRole(context, command.Registration!.OwnerPartyId, PartyRole.Enterprise) ? null : "the owner is not a registered enterprise";
            case PledgeEvent.RecordValuation:
                return current!.Valuations.Count >= PledgeAsset.ValuationCountMax ? $"an asset has at most {PledgeAsset.ValuationCountMax} valuations"
                    : command.Valuation!.Date > context.Day ? $"the valuation is dated {command.Valuation.Date:yyyy-MM-dd}, after the day it is recorded ({context.Day:yyyy-MM-dd})"
                    : null;
            case PledgeEvent.ApplyPledge:
                PledgeTerms terms = command.Terms!;
                return current!.Pledges.Count >= PledgeAsset.PledgeCountMax ? $"an asset has at most {PledgeAsset.PledgeCountMax} pledges"
                    : terms.PledgorPartyId != current.OwnerPartyId ? "the pledgor is not the asset's owner"
                    : !IsOfRole(context, terms.PledgeePartyId, PartyRole.Lender) ? "the pledgee is not a registered lender"
                    : null;
            case PledgeEvent.ActivatePledge:
                return command.Evidence is not null && current!.PledgeOf(command.PledgeId!.Value)!.Terms.Rank == 1
                    ? "a senior pledge's activation carries no notice (only a junior one notifies the pledgees ahead of it)"
                    : null;
            case PledgeEvent.RecordTransfer:
                return current!.Dealings.Count >= PledgeAsset.DealingCountMax ? $"an asset has at most {PledgeAsset.DealingCountMax} transfers and licences"
                    : command.TransfereePartyId == current.OwnerPartyId ? "the transferee already owns the asset"
                    : !IsOfRole(context, command.TransfereePartyId!, PartyRole.Enterprise) ? "the transferee is not a registered enterprise"
                    : null;
            case PledgeEvent.RecordLicence:
                return current!.Dealings.Count >= PledgeAsset.DealingCountMax ? $"an asset has at most {PledgeAsset.DealingCountMax} transfers and licences" : null;
            default:
                return null;
        }
    }

    private static bool IsOfRole(PledgeContext context, string partyId, PartyRole role) => context.PartyOf(partyId) is Party party && party.Role == role;

    private static PledgeState PledgeTo(PledgeCommand command, ProceedsSplit? split) => command.Event switch
    {
        PledgeEvent.ApplyPledge => PledgeState.Applied,
        PledgeEvent.NotarizePledge => PledgeState.Notarized,
        PledgeEvent.ActivatePledge => PledgeState.Active,
        PledgeEvent.RequestRelease => PledgeState.ReleaseRequested,
        PledgeEvent.Release => PledgeState.Released,
        PledgeEvent.DeclareDefault => PledgeState.DefaultDeclared,
        PledgeEvent.StartEnforcement => PledgeState.Enforcement,
        PledgeEvent.RecordProceeds => split!.IsSatisfied ? PledgeState.Satisfied : PledgeState.PartiallySatisfied,
        PledgeEvent.ClosePledge => PledgeState.Closed,
        PledgeEvent.Dispute => PledgeState.Disputed,
        PledgeEvent.ResolveDispute => command.ResolveTo!.Value,
        PledgeEvent.Withdraw => PledgeState.Withdrawn,
        _ => throw new InvalidOperationException($"{command.Event} is not a pledge event."),
    };

    private static bool Same(DigestPair a, DigestPair b) => a.Sha256 == b.Sha256 && a.Sm3 == b.Sm3;
}
