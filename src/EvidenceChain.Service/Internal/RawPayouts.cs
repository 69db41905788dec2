namespace EvidenceChain.Service.Internal;

/// <summary>
/// Whether <c>EscrowService.CreateTransfers</c> may move money out of an escrow bank account
/// (<c>Ledger:AllowRawPayouts</c>, off by default): payouts are made by cases, each on verified
/// evidence and two notaries' approvals (DOMAIN.md §6.2 invariant 5, docs/cases.md). A deployment
/// that runs the ledger without the case engines, or a test of the bank desk alone, turns it on.
/// </summary>
internal sealed record RawPayouts(bool Allowed);
