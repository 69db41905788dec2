namespace EvidenceChain.Ledger.Tests.Model;

/// <summary>
/// One linked chain of a batch (docs/ledger.md, "Linked chains"): the events from
/// <see cref="Start"/> up to and including the first one without <c>Linked</c>; a chain that
/// reaches the end of the batch with <c>Linked</c> still set is open. An event without
/// <c>Linked</c> that follows no linked event is a chain of one.
/// </summary>
internal readonly record struct LinkedChain(int Start, int Count, bool IsOpen)
{
    public int End => Start + Count;

    public static List<LinkedChain> Split(IReadOnlyList<bool> linked)
    {
        var chains = new List<LinkedChain>();
        int start = 0;
        for (int i = 0; i < linked.Count; i++)
        {
            if (!linked[i])
            {
                chains.Add(new LinkedChain(start, i - start + 1, IsOpen: false));
                start = i + 1;
            }
        }

        if (start < linked.Count)
        {
            chains.Add(new LinkedChain(start, linked.Count - start, IsOpen: true));
        }

        return chains;
    }
}
