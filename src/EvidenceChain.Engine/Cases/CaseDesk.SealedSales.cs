using EvidenceChain.Cases;
using EvidenceChain.Cases.Accounts;
using EvidenceChain.Cases.Calendar;
using EvidenceChain.Cases.Distribution;
using EvidenceChain.Cases.Records;
using EvidenceChain.Cases.Sealed;
using EvidenceChain.Core.Access;
using EvidenceChain.Core.Custody;
using EvidenceChain.Core.Hashing;
using EvidenceChain.Engine.Escrow;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Engine.Cases;

/// <summary>带封过户 cases (docs/sealed-sale.md): the same desk, writer, ledger and log as 带押过户 cases, with their own rules and records (schema 3).</summary>
public sealed partial class CaseDesk
{
    /// <summary>A 带封过户 case and how it was opened, or null (also for a 带押过户 case).</summary>
    public (CaseOpening Opening, SealedSaleCase Case, long OpenedAtMs)? FindSale(CaseId id)
    {
        lock (_state)
        {
            return _cases.TryGetValue(id, out OpenCase? open) && open.Sale is SealedSaleCase found ? (open.Opening, found, open.OpenedAtMs) : null;
        }
    }

    /// <summary>Every 带封过户 case, in the order opened.</summary>
    public IReadOnlyList<(CaseOpening Opening, SealedSaleCase Case)> ListSales()
    {
        lock (_state)
        {
            return [.. _cases.Values.Where(c => c.Sale is not null).OrderBy(c => c.OpenedLeafIndex).Select(c => (c.Opening, c.Sale!))];
        }
    }

    /// <summary>Opens a 带封过户 case in <see cref="SealedSaleState.Seized"/>, recorded as a case leaf (schema 3).</summary>
    /// <exception cref="QueryException">InvalidArgument: a malformed opening or an account that is not an escrow bank account of its ledger; Conflict: the id is taken.</exception>
    public async Task<ulong> OpenSealedSaleAsync(Caller actor, CaseOpening opening, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opening);
        if (opening.Problem() is string problem)
        {
            throw new QueryException(QueryFailure.InvalidArgument, problem);
        }

        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            CheckOpening(opening);
            (SealedSaleRecord record, ulong leafIndex) = await RecordSaleAsync(actor, opening, null).ConfigureAwait(false);
            Replay(record, leafIndex);
            return leafIndex;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>What <paramref name="command"/> would do now to a 带封过户 case, booking nothing.</summary>
    /// <exception cref="QueryException">NotFound: no such 带封过户 case; InvalidArgument: a leaf that holds no artefact.</exception>
    public SealedSaleDecision ProposeSaleEvent(CaseId id, SealedSaleCommand command, IReadOnlyList<ulong> artefactLeaves)
    {
        ArgumentNullException.ThrowIfNull(command);
        SealedSaleCase current = FindSale(id)?.Case ?? throw NotFound(id, "带封过户");
        return SealedSaleRules.Decide(current, command with { Artefacts = Artefacts(artefactLeaves), Approvals = command.Approvals ?? [] }, Context(id));
    }

    /// <summary>
    /// Applies a 带封过户 event: decides it, books its accounts and transfers, and records the
    /// transition. A refusal books and records nothing; a transfer the ledger refuses records nothing either.
    /// </summary>
    /// <exception cref="QueryException">NotFound: no such 带封过户 case; InvalidArgument: a leaf that holds no artefact.</exception>
    public async Task<SealedSaleOutcome> ApplySaleEventAsync(Caller actor, CaseId id, SealedSaleCommand command, IReadOnlyList<ulong> artefactLeaves, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            SealedSaleDecision decision = ProposeSaleEvent(id, command, artefactLeaves);
            if (!decision.IsAccepted)
            {
                return new SealedSaleOutcome(decision, null, null, null);
            }

            (LedgerBatchOutcome? accounts, LedgerBatchOutcome? transfers, bool booked) = await BookAsync(actor, id, decision.Accounts, decision.Transfers, cancellationToken).ConfigureAwait(false);
            if (!booked)
            {
                return new SealedSaleOutcome(decision, accounts, transfers, null);
            }

            (SealedSaleRecord record, ulong leafIndex) = await RecordSaleAsync(actor, null, decision.Transition).ConfigureAwait(false);
            Replay(record, leafIndex);
            return new SealedSaleOutcome(decision, accounts, transfers, leafIndex);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>
    /// The software's proposal for the court (DOMAIN.md §4.3): the case's proceeds allocated over
    /// <paramref name="tiers"/>. The court decides; this is what it may compare its plan with.
    /// </summary>
    /// <exception cref="QueryException">NotFound: no such 带封过户 case; FailedPrecondition: it holds no proceeds yet; InvalidArgument: tiers the allocator refuses.</exception>
    public (long NetProceedsFen, DistributionResult Result) ProposeDistribution(CaseId id, IReadOnlyList<ClaimTier> tiers)
    {
        SealedSaleCase current = FindSale(id)?.Case ?? throw NotFound(id, "带封过户");
        // On the ledger as recorded: after a crash during IssuePlan the proposal is still the one the court may sign.
        long net = current.State == SealedSaleState.Transferred && Context(id).BalanceOf(CaseAccounts.Of(id, CaseAccountPurpose.Proceeds)) is AccountBalance b ? b.CreditsPosted - b.DebitsPosted - b.DebitsPending : 0;
        if (net <= 0)
        {
            throw new QueryException(QueryFailure.FailedPrecondition, $"case {id} holds no proceeds to distribute (it is {current.State}; the proceeds exist once the title moved and before a plan is issued)");
        }

        return Allocator.Problem(net, tiers) is string problem
            ? throw new QueryException(QueryFailure.InvalidArgument, problem)
            : (net, Allocator.Allocate(net, tiers));
    }

    /// <summary>The last day for objections to the case's current plan (docs/deadlines.md, PlanObjection), or null without a plan or when the calendar does not reach it.</summary>
    public DateOnly? ObjectionLastDay(SealedSaleCase sale)
    {
        ArgumentNullException.ThrowIfNull(sale);
        return sale.PlanReceivedDay is DateOnly received ? ObjectionLastDay(received) : null;
    }

    private DateOnly? ObjectionLastDay(DateOnly received) =>
        Deadlines.TryDeadlineOf(DeadlineRule.PlanObjection, received, _calendar, out DateOnly last) ? last : null;

    private void Replay(SealedSaleRecord record, ulong leafIndex)
    {
        if (record.Opening is CaseOpening opening)
        {
            Opened(opening, record.RecordedAtMs, leafIndex, open => open.Sale = SealedSaleCase.Open(opening.CaseId, opening.EscrowBankAccount, opening.Ledger));
            return;
        }

        SealedSaleTransition t = record.Transition!;
        Moved(t.CaseId, leafIndex, "带封过户", open => open.Sale is not null, open => open.Sale = SealedSaleRules.Apply(open.Sale!, t), t.Transfers);
    }

    private async Task<(SealedSaleRecord Record, ulong LeafIndex)> RecordSaleAsync(Caller actor, CaseOpening? opening, SealedSaleTransition? transition)
    {
        (CustodyParty acting, byte[] nonce, long atMs) = NewRecordFields(actor);
        var record = new SealedSaleRecord(nonce, atMs, (byte)actor.Role, Convert.FromHexString(acting.PartyId), Digest.AsBytes(acting.Salt.Value).ToArray(), opening, transition);
        return (record, await RecordLeafAsync(actor, acting, SealedSaleRecord.Schema, atMs, record.Encode(), record.CaseId).ConfigureAwait(false));
    }
}
