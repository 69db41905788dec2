namespace EvidenceChain.Pledges;

/// <summary>
/// How enforcement proceeds split (Civil Code 436–438): the pledgee up to the secured amount, the
/// rest to the pledgor; a shortfall stays owed by the debtor (the pledge ending does not discharge it).
/// Always <c>PledgeeFen + PledgorFen == ProceedsFen</c> and <c>PledgeeFen ≤ SecuredFen</c>.
/// </summary>
/// <param name="ProceedsFen">What the route realised, fen.</param>
/// <param name="PledgeeFen">To the pledgee: min(secured, proceeds).</param>
/// <param name="PledgorFen">To the pledgor: the rest (where junior pledges are in force, what they attach to).</param>
/// <param name="ShortfallFen">What the proceeds left of the secured amount unpaid: still owed.</param>
public sealed record ProceedsSplit(long ProceedsFen, long PledgeeFen, long PledgorFen, long ShortfallFen)
{
    /// <summary>Whether the pledgee got the whole secured amount.</summary>
    public bool IsSatisfied => ShortfallFen == 0;

    /// <summary>The split of <paramref name="proceedsFen"/> for a pledge securing <paramref name="securedFen"/>.</summary>
    public static ProceedsSplit Of(long securedFen, long proceedsFen)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(securedFen);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(proceedsFen);
        long pledgee = Math.Min(securedFen, proceedsFen);
        var split = new ProceedsSplit(proceedsFen, pledgee, proceedsFen - pledgee, securedFen - pledgee);

        // Money is neither created nor lost: checked always, not only in debug builds.
        if (split.PledgeeFen + split.PledgorFen != proceedsFen || split.PledgeeFen > securedFen || split.PledgorFen < 0 || split.ShortfallFen < 0)
        {
            throw new InvalidOperationException($"The split of {proceedsFen} fen against {securedFen} fen does not add up.");
        }

        return split;
    }
}
