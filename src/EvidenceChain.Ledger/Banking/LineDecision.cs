using EvidenceChain.Ledger.Escrow;

namespace EvidenceChain.Ledger.Banking;

/// <summary>The matching rule's answer for one statement line.</summary>
/// <param name="Disposition">What to do with it.</param>
/// <param name="Failure">Why it matched nothing (<see cref="MatchFailure.None"/> when it matched or is interest).</param>
/// <param name="Named">The pending transfer to post, when <see cref="LineDisposition.PostNamedTransfer"/>.</param>
public sealed record LineDecision(LineDisposition Disposition, MatchFailure Failure, Transfer? Named);
