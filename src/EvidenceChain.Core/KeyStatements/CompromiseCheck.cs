using EvidenceChain.Core.Receipts;

namespace EvidenceChain.Core.KeyStatements;

/// <summary>What a compromise statement means for one receipt (key-statement.md §What verify says).</summary>
public enum CompromiseFinding
{
    /// <summary>The receipt is of another log, or its checkpoint was not signed by a compromised key.</summary>
    NotAffected = 0,

    /// <summary>The receipt's checkpoint is the frozen one, which the chain anchored before the freeze.</summary>
    FrozenCheckpoint = 1,

    /// <summary>An independent timestamp or a verified anchor proves the leaf was in the log before the compromise.</summary>
    ProvenBefore = 2,

    /// <summary>Nothing independent proves the leaf was in the log before the compromise: the checkpoint may be forged.</summary>
    NotProvenBefore = 3,

    /// <summary>The checkpoint has the frozen size but another root: a second history, signed with the compromised keys.</summary>
    ForkOfFrozen = 4,
}

/// <param name="Finding">What the statement means for the receipt.</param>
/// <param name="ProvenBeforeMs">For <see cref="CompromiseFinding.ProvenBefore"/>: the earliest time the leaf is proven to have been in the log (Unix ms).</param>
/// <param name="ProvenBy">For <see cref="CompromiseFinding.ProvenBefore"/>: what proves it ("timestamp by …" or "anchor in block …").</param>
/// <param name="UnconfirmedAnchors">Verified anchors that counted for nothing because no node the verifier trusts confirmed their blocks.</param>
public sealed record CompromiseAssessment(CompromiseFinding Finding, long? ProvenBeforeMs = null, string? ProvenBy = null, int UnconfirmedAnchors = 0)
{
    /// <summary>True when the receipt must not be relied on without more evidence.</summary>
    public bool IsWarning => Finding is CompromiseFinding.NotProvenBefore or CompromiseFinding.ForkOfFrozen;
}

/// <summary>
/// Judges a verified receipt against a verified compromise statement (key-statement.md §What a verifier says).
/// Only independent evidence counts as proof of time: an outside TSA's token that states its accuracy (genTime
/// plus that accuracy), or an anchor whose block a node the verifier trusts confirmed canonical and final. The
/// leaf's own acceptance time and the operator's TSA are the notary's word, which whoever holds the compromised
/// keys can write too; and so is a block header checked offline, which anyone can make with any time in it.
/// </summary>
public static class CompromiseCheck
{
    /// <param name="compromise">A statement that verified.</param>
    /// <param name="report">The receipt's report.</param>
    /// <param name="confirmedAnchors">The report's anchors a trusted node confirmed (<c>verify --rpc</c>); empty without one.</param>
    public static CompromiseAssessment Assess(KeyCompromise compromise, ReceiptReport report, IReadOnlyCollection<EvmAnchorSection> confirmedAnchors)
    {
        ArgumentNullException.ThrowIfNull(compromise);
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(confirmedAnchors);
        if (!report.IsValid || report.Checkpoint is not { } checkpoint || checkpoint.Origin != compromise.Origin
            || !report.SignedBy.Any(compromise.CompromisedKeys.Contains))
        {
            return new CompromiseAssessment(CompromiseFinding.NotAffected);
        }

        if (checkpoint.TreeSize == compromise.FrozenTreeSize)
        {
            return new CompromiseAssessment(checkpoint.Root == compromise.FrozenRoot ? CompromiseFinding.FrozenCheckpoint : CompromiseFinding.ForkOfFrozen);
        }

        int unconfirmed = report.VerifiedAnchors.Count(a => !confirmedAnchors.Contains(a));
        (long Ms, string By)? earliest = EarliestProof(report, confirmedAnchors);
        return earliest is { } proof && proof.Ms < compromise.CompromisedAtMs
            ? new CompromiseAssessment(CompromiseFinding.ProvenBefore, proof.Ms, proof.By, unconfirmed)
            : new CompromiseAssessment(CompromiseFinding.NotProvenBefore, UnconfirmedAnchors: unconfirmed);
    }

    /// <summary>The earliest independent time by which the receipt's leaf was in the log, if any.</summary>
    private static (long Ms, string By)? EarliestProof(ReceiptReport report, IReadOnlyCollection<EvmAnchorSection> confirmedAnchors)
    {
        var proofs = new List<(long Ms, string By)>();

        // A token without a stated accuracy has an unknown error (RFC 3161 §2.4.2), so it bounds nothing.
        foreach (ReceiptTimestamp stamp in report.VerifiedTimestamps.Where(t => !t.Token.IsOperatorTsa && t.Token.Accuracy is not null))
        {
            DateTimeOffset latest = stamp.Token.GenTime + stamp.Token.Accuracy!.Value;
            proofs.Add((latest.ToUnixTimeMilliseconds(), $"timestamp by {stamp.Token.TsaName}"));
        }

        foreach (EvmAnchorSection anchor in report.VerifiedAnchors.Where(confirmedAnchors.Contains))
        {
            // A block time counts in whole seconds: the block may come from any moment of its second.
            if (anchor.Landing is { } landing && landing.BlockTime < long.MaxValue / 1000)
            {
                proofs.Add((((long)landing.BlockTime * 1000) + 999, $"anchor in block {landing.BlockNumber} of chain {anchor.ChainId}"));
            }
        }

        return proofs.Count == 0 ? null : proofs.MinBy(p => p.Ms);
    }
}
