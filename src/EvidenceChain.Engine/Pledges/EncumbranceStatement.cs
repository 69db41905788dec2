using EvidenceChain.Core.Records;
using EvidenceChain.Engine.Queries;
using EvidenceChain.Pledges;

namespace EvidenceChain.Engine.Pledges;

/// <summary>
/// A lender's check of an asset (DOMAIN.md §7.2): no content, all offline-verifiable against the
/// log's keys. <see cref="Pages"/> are the asset's pledge records (leaf type 5) with their leaves
/// and inclusion proofs against one signed checkpoint; <see cref="View"/> is what they replay to; the
/// receipts prove the secret's deposit leaves, whose roots and depositor commitments the registration
/// record repeats, against the same checkpoint; the notary's signed claim counts the asset's records in
/// that checkpoint's tree, which no inclusion proof can.
/// </summary>
/// <param name="Pages">The record statement under <c>asset:</c> + id, up to the event asked for, in pages against one checkpoint (record-statement.md §Pages); at least one.</param>
/// <param name="View">The encumbrance as of the last record listed; null when the checkpoint includes none yet.</param>
/// <param name="DepositReceipts">A receipt per Secret deposit of <see cref="View"/>, at the statement's tree size.</param>
/// <param name="ClaimNote">The notary's <see cref="EncumbranceClaim"/>, signed with both keys: how many events the asset has in the checkpoint's tree, all of them, so that one left out of <see cref="Pages"/> shows.</param>
public sealed record EncumbranceStatement(IReadOnlyList<RecordStatement> Pages, Encumbrance? View, IReadOnlyList<ReceiptAnswer> DepositReceipts, string ClaimNote);
